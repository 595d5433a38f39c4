using System.ComponentModel;
using System.Diagnostics;
using ChatOps.OpsAgent.Running;
using ChatOps.QCliProxy.Configuration;
using ChatOps.QCliProxy.Output;

namespace ChatOps.QCliProxy.Running;

// Runs the CLI once: streams cleaned stdout to a callback as it arrives, keeps the start of stderr, and kills the whole
// process tree on timeout, output cap, client disconnect or shutdown.
internal sealed class CliRunner(
    CliCommandLine commandLine, ProxyOptions options, TimeProvider time, ProxyDrain drain, ILogger<CliRunner> logger)
{
    private const int StderrLimit = 4096;
    private static readonly TimeSpan ReapWait = TimeSpan.FromSeconds(5);

    public async Task<RunOutcome> RunAsync(CliInvocation run, Func<string, CancellationToken, ValueTask> onText, CancellationToken clientGone)
    {
        Process process;
        try
        {
            process = ChildProcess.Start(commandLine.Create(run));
        }
        catch (Exception e) when (e is Win32Exception or InvalidOperationException)
        {
            Log.CliStartFailed(logger, options.Command, e);
            return new RunOutcome(RunEnd.StartFailed, -1, $"the CLI '{options.Command}' could not be started: {e.Message}", 0);
        }

        using (process)
        {
            // The CLI must never wait for input that will not come.
            process.StandardInput.Close();
            var stderr = BoundedTextSink.Head(StderrLimit);
            var stderrDrained = stderr.DrainAsync(process.StandardError.BaseStream);
            using var timeout = new CancellationTokenSource(options.Timeout, time);
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, clientGone, drain.Abandoned);
            using var killOnStop = stop.Token.Register(() => ChildProcess.KillTree(process));
            var end = RunEnd.Exited;
            long bytes = 0;
            try
            {
                var pump = new OutputPump(options.MaxOutputBytes, onText);
                var capped = await pump.RunAsync(process.StandardOutput.BaseStream, stop.Token);
                bytes = pump.Bytes;
                if (capped)
                {
                    end = RunEnd.OutputCapped;
                }
                else
                {
                    await process.WaitForExitAsync(stop.Token);
                }
            }
            catch (Exception e) when (e is OperationCanceledException or IOException && stop.IsCancellationRequested)
            {
                end = timeout.IsCancellationRequested ? RunEnd.TimedOut
                    : clientGone.IsCancellationRequested ? RunEnd.ClientGone
                    : RunEnd.ShuttingDown;
            }
            finally
            {
                await EndAsync(process, stderrDrained);
            }

            var exitCode = end == RunEnd.Exited ? process.ExitCode : -1;
            return new RunOutcome(end, exitCode, stderr.Text(), bytes);
        }
    }

    private static async Task EndAsync(Process process, Task stderrDrained)
    {
        ChildProcess.KillTree(process);
        try
        {
            await process.WaitForExitAsync().WaitAsync(ReapWait);
            await stderrDrained.WaitAsync(ReapWait);
        }
        catch (TimeoutException)
        {
            // A descendant that escaped the tree may hold stderr open; the answer does not wait for it.
        }
    }
}
