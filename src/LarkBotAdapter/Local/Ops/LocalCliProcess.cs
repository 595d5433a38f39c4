using System.ComponentModel;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using ChatOps.OpsAgent.Running;

namespace ChatOps.LarkBotAdapter.Local.Ops;

// Runs the CLI once as the proxy's runner does (no shell, closed stdin, cleaned stdout handed on piece by piece as
// it arrives, the start of stderr kept, the whole tree killed when the answer is cancelled) and yields its text.
// ExitCode and Diagnostics are set when the enumeration ends.
public sealed class LocalCliProcess(ProcessStartInfo start)
{
    private const int StderrLimit = 4096;
    private const long MaxOutputBytes = 1024 * 1024;

    public int ExitCode { get; private set; } = -1;

    public string Diagnostics { get; private set; } = "";

    public async IAsyncEnumerable<string> RunAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var process = Start();
        try
        {
            process.StandardInput.Close();
            var stderr = BoundedTextSink.Head(StderrLimit);
            var stderrDrained = stderr.DrainAsync(process.StandardError.BaseStream);
            var texts = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
            using var kill = cancellationToken.Register(() => Kill(process));
            var pump = PumpAsync(process, texts.Writer, cancellationToken);
            await foreach (var text in texts.Reader.ReadAllAsync(cancellationToken))
            {
                yield return text;
            }

            await pump;
            await process.WaitForExitAsync(cancellationToken);
            await stderrDrained.WaitAsync(TimeSpan.FromSeconds(5), cancellationToken);
            ExitCode = process.ExitCode;
            Diagnostics = stderr.Text();
        }
        finally
        {
            // However the run ends (the deadline, an error, a reader that stops), the tree is killed before the Process
            // is disposed: the cancellation callback above can lose that race (callbacks run last-registered first, so
            // the reader may resume and dispose the Process before Kill runs), which left the CLI running, orphaned.
            Kill(process);
        }
    }

    private Process Start()
    {
        try
        {
            return Process.Start(start) ?? throw new InvalidOperationException("no process was started");
        }
        catch (Exception e) when (e is Win32Exception or InvalidOperationException)
        {
            throw new LocalRunException($"{start.FileName} could not be started: {e.Message}", e);
        }
    }

    private static async Task PumpAsync(Process process, ChannelWriter<string> texts, CancellationToken cancellationToken)
    {
        try
        {
            var pump = new OutputPump(MaxOutputBytes, (text, ct) => texts.WriteAsync(text, ct));
            if (await pump.RunAsync(process.StandardOutput.BaseStream, cancellationToken))
            {
                Kill(process);
            }
        }
        finally
        {
            texts.TryComplete();
        }
    }

    private static void Kill(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (Exception e) when (e is InvalidOperationException or Win32Exception or NotSupportedException)
        {
            // Already gone.
        }
    }
}
