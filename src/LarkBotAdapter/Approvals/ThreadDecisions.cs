using ChatOps.LarkBotAdapter.Conversations;
using ChatOps.LarkBotAdapter.State;
using ChatOps.LarkBotAdapter.Texts;

namespace ChatOps.LarkBotAdapter.Approvals;

// Plain-text decisions ("approve P-7Q2K9", "批准", "Reject"): the thread's proposals come from the approval store, not
// from the thread's saved context (which a concurrent turn of the thread may have saved without them). The text decides
// the proposal it names, or the thread's only pending one; with several pending and none named, or a name that is not
// a proposal of this thread, nothing is decided and the reply says which ids are pending. Buttons carry their own hash.
public sealed class ThreadDecisions(IApprovalStore store, ApprovalDesk desk, TimeProvider time, ILogger<ThreadDecisions> logger)
{
    // The reply to command typed in turn's thread, or null when it is no decision here (the thread has no proposal and
    // the text names none): then it is answered as a question.
    public async Task<TextDecision?> DecideAsync(ChatTurn turn, TurnLanguage language, ApprovalCommand command, CancellationToken cancellationToken)
    {
        IReadOnlyList<ApprovalRecord> records;
        try
        {
            records = await store.ListInThreadAsync(turn.ThreadKey, cancellationToken);
        }
        catch (StateUnavailableException ex)
        {
            Log.DecisionFailed(logger, command.ProposalId ?? "(not named)", ex);
            return new TextDecision(desk.Describe(new Decision(DecisionOutcome.Unavailable, null), language), false);
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
                return new TextDecision(NotInThread(named, pending, language), false);
            }
            target = found;
        }
        else if (pending.Length > 1)
        {
            Log.TextDecisionRefused(logger, turn.ThreadKey, $"it names no proposal and {pending.Length} are pending");
            return new TextDecision(Several(pending, command.Approve, language), false);
        }
        else
        {
            // The only pending one; with none pending, the latest, so the reply says how it was decided.
            target = pending.Length == 1 ? pending[0] : records[^1];
        }
        var decision = await desk.DecideAsync(turn.Platform, turn.AppId, turn.SenderId, target.Id, command.Approve, target.ArgumentsHash, cancellationToken);
        var described = desk.Describe(decision, language);
        var reply = DecisionTexts.Decided(language, target.Id, target.Title, described);
        return new TextDecision(reply, decision.Outcome is DecisionOutcome.Approved or DecisionOutcome.Rejected);
    }

    private static string Several(IReadOnlyList<ApprovalRecord> pending, bool approve, TurnLanguage language) =>
        DecisionTexts.SeveralPending(language, pending.Count, DecisionTexts.Example(language, approve, pending[0].Id)) + "\n\n" + List(pending);

    private static string NotInThread(string named, IReadOnlyList<ApprovalRecord> pending, TurnLanguage language)
    {
        var tail = pending.Count == 0
            ? DecisionTexts.NonePending(language)
            : DecisionTexts.PendingHeading(language) + "\n\n" + List(pending);
        return DecisionTexts.NotInThread(language, named) + " " + tail;
    }

    private static string List(IEnumerable<ApprovalRecord> records) =>
        string.Join("\n", records.Select(r => $"- {r.Id}: {r.Title}"));
}
