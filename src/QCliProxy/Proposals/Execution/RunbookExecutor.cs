using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using ChatOps.Contracts;
using ChatOps.QCliProxy.Aws;
using ChatOps.QCliProxy.Configuration;
using ChatOps.QCliProxy.Proposals;
using ChatOps.QCliProxy.Proposals.Rules;
using ChatOps.QCliProxy.Running;

namespace ChatOps.QCliProxy.Proposals.Execution;

// Runs an approved runbook: the script from the runbook folder with the approved action and arguments as separate
// argv words (no shell ever parses them), the CLI's allow-listed environment and the approved profile's AWS files, as
// QCLI_RUN_AS when set, killed after QCLI_RUNBOOK_TIMEOUT_SECONDS. Only the end of its output is kept.
internal sealed class RunbookExecutor(
    ProposalOptions proposalOptions, ProxyOptions options, ChildEnvironment environment, CliUser user, TimeProvider time, ILogger<RunbookExecutor> logger)
{
    private const int KeptBytes = 64 * 1024;

    public async Task<QCliExecuteResult> ExecuteAsync(QCliProposal proposal, AwsRunFiles aws, CancellationToken ct)
    {
        var runbook = Value(proposal, "runbook");
        var (path, problem) = new RunbookFolder(proposalOptions.RunbookDirectory).Resolve(runbook);
        if (path is null)
        {
            return Failed($"the runbook cannot be run: {problem}", null, null);
        }

        var start = new ProcessStartInfo(path)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            CreateNoWindow = true,
            WorkingDirectory = Path.GetDirectoryName(path)!,
        };
        start.ArgumentList.Add(Value(proposal, "action"));
        foreach (var field in proposal.Fields.Where(f => f.Name.StartsWith("argument ", StringComparison.Ordinal)))
        {
            start.ArgumentList.Add(field.Value);
        }

        start.Environment.Clear();
        foreach (var (name, value) in environment.BuildForAction(aws))
        {
            start.Environment[name] = value;
        }

        start.Environment["CHATOPS_PROPOSAL_ID"] = proposal.Id;
        user.Apply(start);

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("no process was started");
        }
        catch (Exception e) when (e is Win32Exception or InvalidOperationException)
        {
            Log.RunbookStartFailed(logger, proposal.Id, e);
            return Failed($"the runbook {runbook} could not be started", null, null);
        }

        using (process)
        {
            process.StandardInput.Close();
            var tail = new Tail(KeptBytes);
            var drained = Task.WhenAll(tail.DrainAsync(process.StandardOutput.BaseStream), tail.DrainAsync(process.StandardError.BaseStream));
            using var timeout = new CancellationTokenSource(proposalOptions.RunbookTimeout, time);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
                await drained.WaitAsync(TimeSpan.FromSeconds(5), time, CancellationToken.None);
            }
            catch (Exception e) when (e is OperationCanceledException or TimeoutException)
            {
                Kill(process);
                var output = ResultScrubber.Scrub(tail.Text(), options.Secret);
                return timeout.IsCancellationRequested
                    ? Failed($"{runbook} {Value(proposal, "action")} was stopped after {proposalOptions.RunbookTimeout.TotalSeconds:0} s (QCLI_RUNBOOK_TIMEOUT_SECONDS)", null, output)
                    : Failed($"{runbook} exited but a process it started kept its output open", process.ExitCode, output);
            }

            var text = ResultScrubber.Scrub(tail.Text(), options.Secret);
            return process.ExitCode == 0
                ? new QCliExecuteResult(QCliExecuteResult.Done, $"{runbook} {Value(proposal, "action")} finished", null, null, 0, text, time.GetUtcNow())
                : Failed($"{runbook} {Value(proposal, "action")} exited with code {process.ExitCode}", process.ExitCode, text);
        }
    }

    private QCliExecuteResult Failed(string summary, int? exitCode, string? output) =>
        QCliExecuteResult.Failure(summary, time.GetUtcNow(), exitCode, output);

    private static string Value(QCliProposal proposal, string name) => proposal.Fields.First(f => f.Name == name).Value;

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (Exception e) when (e is InvalidOperationException or Win32Exception or NotSupportedException)
        {
            // Already gone.
        }
    }

    // The last bytes of stdout and stderr together, in the order they arrived.
    private sealed class Tail(int limit)
    {
        private readonly object _gate = new();
        private readonly List<byte> _kept = [];

        public async Task DrainAsync(Stream stream)
        {
            var buffer = new byte[4096];
            try
            {
                int read;
                while ((read = await stream.ReadAsync(buffer)) > 0)
                {
                    lock (_gate)
                    {
                        _kept.AddRange(buffer.AsSpan(0, read));
                        if (_kept.Count > limit)
                        {
                            _kept.RemoveRange(0, _kept.Count - limit);
                        }
                    }
                }
            }
            catch (Exception e) when (e is IOException or ObjectDisposedException)
            {
                // Killed; what was kept is enough.
            }
        }

        public string Text()
        {
            lock (_gate)
            {
                return Encoding.UTF8.GetString(_kept.ToArray());
            }
        }
    }
}
