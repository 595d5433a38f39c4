using System.ComponentModel;
using System.Diagnostics;
using ChatOps.Contracts;
using ChatOps.OpsAgent.Aws;
using ChatOps.OpsAgent.Running;
using ChatOps.QCliProxy.Aws;
using ChatOps.QCliProxy.Configuration;
using ChatOps.QCliProxy.Proposals.Rules;
using ChatOps.QCliProxy.Proposals;
using ChatOps.QCliProxy.Running;
using ChatOps.QCliProxy.Security;

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

        Process process;
        try
        {
            process = ChildProcess.Start(StartInfo(proposal, path, aws));
        }
        catch (Exception e) when (e is Win32Exception or InvalidOperationException)
        {
            Log.RunbookStartFailed(logger, proposal.Id, e);
            return Failed($"the runbook {runbook} could not be started", null, null);
        }

        using (process)
        {
            return await WaitAsync(process, $"{runbook} {Value(proposal, "action")}", runbook);
        }
    }

    // The script with the action and the approved arguments, each its own argv word.
    private ProcessStartInfo StartInfo(QCliProposal proposal, string path, AwsRunFiles aws)
    {
        var arguments = proposal.Fields.Where(f => f.Name.StartsWith("argument ", StringComparison.Ordinal)).Select(f => f.Value);
        var start = ChildProcess.StartInfo(path, Path.GetDirectoryName(path)!, environment.BuildForAction(aws), user, arguments.Prepend(Value(proposal, "action")));
        start.Environment["CHATOPS_PROPOSAL_ID"] = proposal.Id;
        return start;
    }

    // Waits at most QCLI_RUNBOOK_TIMEOUT_SECONDS; what is reported is the last KeptBytes of stdout and stderr, scrubbed.
    private async Task<QCliExecuteResult> WaitAsync(Process process, string runbookAction, string runbook)
    {
        process.StandardInput.Close();
        var tail = BoundedTextSink.Tail(KeptBytes);
        var drained = Task.WhenAll(tail.DrainAsync(process.StandardOutput.BaseStream), tail.DrainAsync(process.StandardError.BaseStream));
        using var timeout = new CancellationTokenSource(proposalOptions.RunbookTimeout, time);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
            await drained.WaitAsync(TimeSpan.FromSeconds(5), time, CancellationToken.None);
        }
        catch (Exception e) when (e is OperationCanceledException or TimeoutException)
        {
            ChildProcess.KillTree(process);
            var output = ResultScrubber.Scrub(tail.Raw(), options.Secret);
            return timeout.IsCancellationRequested
                ? Failed($"{runbookAction} was stopped after {proposalOptions.RunbookTimeout.TotalSeconds:0} s (QCLI_RUNBOOK_TIMEOUT_SECONDS)", null, output)
                : Failed($"{runbook} exited but a process it started kept its output open", process.ExitCode, output);
        }

        var text = ResultScrubber.Scrub(tail.Raw(), options.Secret);
        return process.ExitCode == 0
            ? new QCliExecuteResult(QCliExecuteResult.Done, $"{runbookAction} finished", null, null, 0, text, time.GetUtcNow())
            : Failed($"{runbookAction} exited with code {process.ExitCode}", process.ExitCode, text);
    }

    private QCliExecuteResult Failed(string summary, int? exitCode, string? output) =>
        QCliExecuteResult.Failure(summary, time.GetUtcNow(), exitCode, output);

    private static string Value(QCliProposal proposal, string name) => proposal.Fields.First(f => f.Name == name).Value;
}
