using ChatOps.Contracts;
using ChatOps.LarkBotAdapter.Conversations;
using ChatOps.LarkBotAdapter.Jobs;
using ChatOps.LarkBotAdapter.State;
using ChatOps.LarkBotAdapter.Telemetry;
using ChatOps.LarkBotAdapter.Texts;

namespace ChatOps.LarkBotAdapter.Approvals;

// Where proposals become approval cards and decisions: keeps each proposal, posts its card in the asker's thread,
// and takes Approve/Reject from the card's buttons or a plain reply. Only the listed approvers decide (the asker only
// with OPS_SELF_APPROVAL, though an asker may always withdraw with Reject); a decision is a conditional move from
// Pending, so of two clicks one wins. An approval hands the execution to the worker (an ops.execute job).
// Transient: the dispatcher and the guardrail are typed HTTP clients, which a singleton would keep past their rotation.
// Both are optional: the guardrail exists only when configured, the dispatcher only in the web app (not `ask`).
public sealed class ApprovalDesk(
    IApprovalStore store,
    ApprovalOptions options,
    ChatChannels channels,
    ApprovalAudit audit,
    TimeProvider time,
    ILogger<ApprovalDesk> logger,
    IJobDispatcher? dispatcher = null,
    ApprovalGuardrail? guardrail = null,
    ChatOpsMetrics? metrics = null)
{
    // Called by the ops route for each proposal line; returns the line the answer shows about it.
    internal async Task<string> ProposedAsync(ChatTurn turn, QCliProposal proposal, CancellationToken cancellationToken)
    {
        var record = ApprovalRecord.From(proposal, turn, time.GetUtcNow(), options.Ttl);
        var view = ViewOf(record);
        if (!record.IsIntact)
        {
            // What would be shown is not what the proxy hashed: never offer it for approval.
            Log.ProposalRefused(logger, proposal.Id, "its arguments do not match its hash");
            return ExecutionTexts.Damaged(view.Language, proposal.Id);
        }
        if (guardrail is not null && await guardrail.CardWithheldAsync(view, cancellationToken) is { } why)
        {
            // Never stored, so no card, button or plain reply can approve it.
            Log.ProposalRefused(logger, proposal.Id, "the ops guardrail withheld its card");
            return ExecutionTexts.NotOffered(view.Language, proposal.Id, why);
        }
        try
        {
            var added = await store.AddAsync(record, cancellationToken);
            if (added)
            {
                await audit.RecordAsync(ApprovalAudit.Proposed, record, record.Asker, null, cancellationToken);
            }
            else
            {
                record = await store.GetAsync(record.Id, cancellationToken) ?? record;
            }
            if (channels.For(turn.Platform).ApprovalsOrText() is { } channel && record.CardRef is null)
            {
                var cardRef = await channel.PostApprovalAsync(turn, ViewOf(record), cancellationToken);
                await store.TryMoveAsync(record with { CardRef = cardRef }, record.State, cancellationToken);
            }
        }
        catch (Exception ex) when (ex is StateUnavailableException or ReplyFailedException)
        {
            Log.ProposalNotShown(logger, proposal.Id, ex);
            return ExecutionTexts.CardNotShown(view.Language, proposal.Id, proposal.Title);
        }
        return ExecutionTexts.Offered(view.Language, proposal.Id, proposal.Title);
    }

    // A decision from a card button (hash from the button) or a plain reply naming it (ThreadDecisions: the record's hash).
    public async Task<Decision> DecideAsync(string platform, string appId, string userId, string proposalId, bool approve, string? hash, CancellationToken cancellationToken)
    {
        var decision = await DecideOnceAsync(platform, appId, userId, proposalId, approve, hash, cancellationToken);
        metrics?.Decided(approve ? "approve" : "reject", decision.Outcome);
        return decision;
    }

    private async Task<Decision> DecideOnceAsync(string platform, string appId, string userId, string proposalId, bool approve, string? hash, CancellationToken cancellationToken)
    {
        ApprovalRecord? record;
        try
        {
            record = await store.GetAsync(proposalId, cancellationToken);
        }
        catch (StateUnavailableException ex)
        {
            Log.DecisionFailed(logger, proposalId, ex);
            return new Decision(DecisionOutcome.Unavailable, null);
        }
        if (record is null || (hash is not null && !QCliProposalHash.Matches(record.ArgumentsHash, hash)) || record.Turn.Platform != platform || record.Turn.AppId != appId)
        {
            return new Decision(DecisionOutcome.Unknown, null);
        }
        if (record.State != ApprovalState.Pending)
        {
            return new Decision(DecisionOutcome.AlreadyDecided, record);
        }
        try
        {
            return await DecidePendingAsync(record, Voter.Of(platform, appId, userId), userId, approve, cancellationToken);
        }
        catch (StateUnavailableException ex)
        {
            Log.DecisionFailed(logger, proposalId, ex);
            return new Decision(DecisionOutcome.Unavailable, null);
        }
    }

    private async Task<Decision> DecidePendingAsync(ApprovalRecord record, string who, string userId, bool approve, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (now >= record.ExpiresAt)
        {
            var expired = record with { State = ApprovalState.Expired };
            if (await store.TryMoveAsync(expired, ApprovalState.Pending, cancellationToken))
            {
                await audit.RecordAsync(ApprovalAudit.Expired, expired, who, "decision after expiry", cancellationToken);
                await UpdateCardAsync(expired, cancellationToken);
            }
            return new Decision(DecisionOutcome.Expired, expired);
        }
        var isAsker = who == record.Asker;
        var allowed = options.IsApprover(record.Turn.Platform, userId) && (!isAsker || options.SelfApproval);
        if (!allowed && !(isAsker && !approve))
        {
            Log.DecisionRefused(logger, record.Id, who);
            return new Decision(DecisionOutcome.NotAllowed, record);
        }
        var decided = record with
        {
            State = approve ? ApprovalState.Approved : ApprovalState.Rejected,
            DecidedBy = who,
            DecidedAt = now,
        };
        if (!await store.TryMoveAsync(decided, ApprovalState.Pending, cancellationToken))
        {
            return new Decision(DecisionOutcome.AlreadyDecided, await store.GetAsync(record.Id, cancellationToken) ?? record);
        }
        await audit.RecordAsync(approve ? ApprovalAudit.Approved : ApprovalAudit.Rejected, decided, who, null, cancellationToken);
        if (approve)
        {
            var jobs = dispatcher ?? throw new InvalidOperationException("No job dispatcher is registered, so an approved proposal cannot run here.");
            await jobs.DispatchAsync(WorkJob.Execute(decided.Turn, decided.Id, now), cancellationToken);
        }
        else
        {
            await UpdateCardAsync(decided, cancellationToken);
        }
        return new Decision(approve ? DecisionOutcome.Approved : DecisionOutcome.Rejected, decided);
    }

    // The card as it should look for record (for callback answers that replace the card at once).
    public ApprovalView ViewOf(ApprovalRecord record) =>
        new(record, options.ApproversOn(record.Turn.Platform), options.SelfApproval);

    // Best effort: the decision stands whether or not the card could be changed.
    public async Task UpdateCardAsync(ApprovalRecord record, CancellationToken cancellationToken)
    {
        if (record.CardRef is not { } cardRef || channels.For(record.Turn.Platform).ApprovalsOrText() is not { } channel)
        {
            return;
        }
        try
        {
            await channel.UpdateApprovalAsync(record.Turn, cardRef, ViewOf(record), cancellationToken);
        }
        catch (Exception ex) when (ex is ReplyFailedException or HttpRequestException)
        {
            Log.CardNotUpdated(logger, record.Id, ex);
        }
    }

    // The text a decision attempt answers with (toast, ephemeral message or thread reply); mention writes a user id the
    // way the platform's text mentions someone (Slack: <@U…>), plain ids without it.
    public string Describe(Decision decision, TurnLanguage language, Func<string, string>? mention = null)
    {
        mention ??= id => id;
        var approvers = decision.Record is { } r ? string.Join(", ", options.ApproversOn(r.Turn.Platform).Select(mention)) : "";
        return decision.Outcome switch
        {
            DecisionOutcome.Approved => DecisionTexts.Approved(language),
            DecisionOutcome.Rejected => DecisionTexts.Rejected(language),
            DecisionOutcome.NotAllowed when approvers.Length == 0 => DecisionTexts.NobodyMayApprove(language),
            DecisionOutcome.NotAllowed => DecisionTexts.OnlyApprovers(language, approvers),
            DecisionOutcome.AlreadyDecided => DecisionTexts.AlreadyDecided(language, ViewOf(decision.Record!).StatusLineNaming(mention)),
            DecisionOutcome.Expired => DecisionTexts.Expired(language),
            DecisionOutcome.Unknown => DecisionTexts.Unknown(language),
            _ => DecisionTexts.NotRecorded(language),
        };
    }
}
