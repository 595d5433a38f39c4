using ChatOps.Contracts;
using ChatOps.LarkBotAdapter.Conversations;
using ChatOps.LarkBotAdapter.ProxyClient;
using ChatOps.LarkBotAdapter.Scrubbing;
using ChatOps.LarkBotAdapter.State;
using ChatOps.LarkBotAdapter.Telemetry;
using ChatOps.LarkBotAdapter.Texts;

namespace ChatOps.LarkBotAdapter.Approvals;

// Runs an approved proposal once: asks the proxy to execute exactly the approved arguments (their hash goes along;
// the proxy refuses anything else and returns the first result to a retry), posts the scrubbed result in the asker's
// thread (one notice per proposal, de-duplicated by the platform where it can; with the ops guardrail, only once it
// passed, else the reason it is withheld) and moves the record to Executed or Failed. A failure to reach the proxy throws, so the job is retried; the proxy's idempotency keeps it to one run.
internal sealed class ApprovalExecutor(
    IApprovalStore store,
    ApprovalDesk desk,
    QCliProxyClient proxy,
    ChatChannels channels,
    ApprovalAudit audit,
    ILogger<ApprovalExecutor> logger,
    ApprovalGuardrail? guardrail = null,
    ChatOpsMetrics? metrics = null)
{
    public async Task ExecuteAsync(string proposalId, CancellationToken cancellationToken)
    {
        var record = await store.GetAsync(proposalId, cancellationToken);
        if (record is not { State: ApprovalState.Approved })
        {
            Log.NothingToExecute(logger, proposalId, record?.State.ToString() ?? "unknown");
            return;
        }
        await desk.UpdateCardAsync(record, cancellationToken);
        var view = desk.ViewOf(record);
        QCliExecuteResult result;
        if (!record.IsIntact)
        {
            result = Refused(ExecutionTexts.HashMismatch(view.Language));
        }
        else
        {
            try
            {
                result = await proxy.ExecuteAsync(record.Id, new QCliExecuteRequest(record.ArgumentsHash, record.DecidedBy), cancellationToken);
            }
            catch (QCliProxyException ex) when (ex.StatusCode is 404 or 409 or 410)
            {
                Log.ExecutionRefused(logger, proposalId, ex.StatusCode ?? 0);
                result = Refused(ex.StatusCode switch
                {
                    404 => ExecutionTexts.ProxyForgot(view.Language),
                    409 => ExecutionTexts.ProxyArgumentsDiffer(view.Language),
                    _ => ExecutionTexts.ProxyTooOld(view.Language),
                });
            }
        }
        var done = result.Status == QCliExecuteResult.Done;
        var summary = SecretScrubber.Scrub(result.Summary);
        var (text, shown) = await ShownAsync(view, SecretScrubber.Scrub(Render(view, record, result)), summary, cancellationToken);
        var finished = record with { State = done ? ApprovalState.Executed : ApprovalState.Failed, Result = shown };
        try
        {
            await channels.For(record.Turn.Platform).PostNoticeAsync(record.Turn, "exec:" + record.Id, text, cancellationToken);
        }
        catch (ReplyFailedException ex) when (!ex.Transient)
        {
            Log.ResultNotPosted(logger, proposalId, ex);
        }
        if (await store.TryMoveAsync(finished, ApprovalState.Approved, cancellationToken))
        {
            metrics?.Decided("execute", finished.State);
            await audit.RecordAsync(done ? ApprovalAudit.Executed : ApprovalAudit.Failed, finished, record.DecidedBy ?? "?", summary, cancellationToken);
            await desk.UpdateCardAsync(finished, cancellationToken);
        }
    }

    // What the thread and the card show of the result: as rendered, or, when the guardrail withholds it (or cannot check
    // it), why; the audit trail keeps the scrubbed summary either way.
    private async Task<(string Text, string Summary)> ShownAsync(ApprovalView view, string text, string summary, CancellationToken cancellationToken)
    {
        if (guardrail is null || await guardrail.ResultWithheldAsync(view, text, cancellationToken) is not { } why)
        {
            return (text, summary);
        }
        var id = view.Record.Id;
        return (ExecutionTexts.ResultNotShown(view.Language, id, why), why);
    }

    private static QCliExecuteResult Refused(string why) =>
        new(QCliExecuteResult.Failed, why, null, null, null, null, DateTimeOffset.UtcNow);

    // The thread's message: what ran and what came of it (case id and link, or exit code and the end of the output).
    private static string Render(ApprovalView view, ApprovalRecord record, QCliExecuteResult result)
    {
        var lines = new List<string>
        {
            result.Status == QCliExecuteResult.Done
                ? ExecutionTexts.Done(view.Language, record.Title, record.Id)
                : ExecutionTexts.Failed(view.Language, record.Title, record.Id),
            result.Summary,
        };
        if (result.CaseId is { Length: > 0 } caseId)
        {
            lines.Add(ExecutionTexts.SupportCase(view.Language, caseId) + (result.Link is { Length: > 0 } link ? $" — {link}" : ""));
        }
        if (result.ExitCode is { } exit)
        {
            lines.Add(ExecutionTexts.ExitCode(view.Language, exit));
        }
        if (result.Output is { Length: > 0 } output)
        {
            lines.Add("```\n" + output.Replace("```", "ʼʼʼ", StringComparison.Ordinal).TrimEnd() + "\n```");
        }
        return string.Join("\n\n", lines);
    }
}
