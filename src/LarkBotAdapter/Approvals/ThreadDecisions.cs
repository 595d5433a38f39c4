using ChatOps.LarkBotAdapter.Conversations;
using ChatOps.LarkBotAdapter.Routing;
using ChatOps.LarkBotAdapter.State;

namespace ChatOps.LarkBotAdapter.Approvals;

// Plain-text decisions ("approve P-7Q2K9", "批准", "Reject"): the thread's proposals come from the approval store, not
// from the thread's saved context (which a concurrent turn of the thread may have saved without them). The text decides
// the proposal it names, or the thread's only pending one; with several pending and none named, or a name that is not
// a proposal of this thread, nothing is decided and the reply says which ids are pending. Buttons carry their own hash.
public sealed class ThreadDecisions(IApprovalStore store, ApprovalDesk desk, TimeProvider time, ILogger<ThreadDecisions> logger)
{
    // The reply to command typed in turn's thread, or null when it is no decision here (the thread has no proposal and
    // the text names none): then it is answered as a question.
    public async Task<TextDecision?> DecideAsync(ChatTurn turn, ApprovalCommand command, CancellationToken cancellationToken)
    {
        var chinese = Language.LooksChinese(turn.Text);
        IReadOnlyList<ApprovalRecord> records;
        try
        {
            records = await store.ListInThreadAsync(turn.ThreadKey, cancellationToken);
        }
        catch (StateUnavailableException ex)
        {
            Log.DecisionFailed(logger, command.ProposalId ?? "(not named)", ex);
            return new TextDecision(desk.Describe(new Decision(DecisionOutcome.Unavailable, null), chinese), false);
        }
        if (records.Count == 0 && command.ProposalId is null)
        {
            return null;
        }
        var now = time.GetUtcNow();
        var pending = records.Where(r => r.State == ApprovalState.Pending && now < r.ExpiresAt).ToArray();
        ApprovalRecord target;
        if (command.ProposalId is { } named)
        {
            if (records.FirstOrDefault(r => string.Equals(r.Id, named, StringComparison.OrdinalIgnoreCase)) is not { } found)
            {
                Log.TextDecisionRefused(logger, turn.ThreadKey, "it names a proposal that is not this thread's");
                return new TextDecision(NotInThread(named, pending, chinese), false);
            }
            target = found;
        }
        else if (pending.Length > 1)
        {
            Log.TextDecisionRefused(logger, turn.ThreadKey, $"it names no proposal and {pending.Length} are pending");
            return new TextDecision(Several(pending, command.Approve, chinese), false);
        }
        else
        {
            // The only pending one; with none pending, the latest, so the reply says how it was decided.
            target = pending.Length == 1 ? pending[0] : records[^1];
        }
        var decision = await desk.DecideAsync(turn.Platform, turn.AppId, turn.SenderId, target.Id, command.Approve, target.ArgumentsHash, cancellationToken);
        var described = desk.Describe(decision, chinese);
        var reply = chinese ? $"{target.Id}「{target.Title}」：{described}" : $"{target.Id} “{target.Title}”: {described}";
        return new TextDecision(reply, decision.Outcome is DecisionOutcome.Approved or DecisionOutcome.Rejected);
    }

    private static string Several(IReadOnlyList<ApprovalRecord> pending, bool approve, bool chinese)
    {
        var example = (chinese ? (approve ? "批准 " : "拒绝 ") : (approve ? "approve " : "reject ")) + pending[0].Id;
        var head = chinese
            ? $"此消息串中有 {pending.Count} 个待审批的提案，因此没有执行任何操作。请写明提案编号，例如“{example}”："
            : $"{pending.Count} proposals are pending in this thread, so nothing was done. Name the one you mean, e.g. “{example}”:";
        return head + "\n\n" + List(pending);
    }

    private static string NotInThread(string named, IReadOnlyList<ApprovalRecord> pending, bool chinese)
    {
        var head = chinese
            ? $"{named} 不是此消息串中的提案，因此没有执行任何操作。"
            : $"{named} is not a proposal of this thread, so nothing was done.";
        var tail = pending.Count == 0
            ? (chinese ? "此消息串中没有待审批的提案。" : "No proposal is pending in this thread.")
            : (chinese ? "待审批的提案：" : "Pending in this thread:") + "\n\n" + List(pending);
        return head + " " + tail;
    }

    private static string List(IEnumerable<ApprovalRecord> records) =>
        string.Join("\n", records.Select(r => $"- {r.Id}: {r.Title}"));
}
