using ChatOps.LarkBotAdapter.Conversations;
using ChatOps.LarkBotAdapter.Jobs;
using ChatOps.LarkBotAdapter.State;
using ChatOps.LarkBotAdapter.Texts;

namespace ChatOps.LarkBotAdapter.Ingress;

// The last step of every ingress: claim the message once, mark its thread, hand it off.
public sealed class TurnAdmission(
    IStateStore state,
    IJobDispatcher dispatcher,
    WorkerOptions options,
    TimeProvider time,
    Lazy<ChatChannels> channels,
    ILogger<TurnAdmission> logger)
{
    // The notice key of "the state store is down": one notice per message, however often it is redelivered.
    public const string StoreUnavailableNotice = "store-unavailable";

    // Longest question text handed to the worker (keeps jobs far below Lambda's async payload limit).
    public const int MaxTextChars = 16_000;

    // Time the ack path may spend on the store and the notice: Lark and Slack give up after 3 s (a slash
    // command then shows the user an error), so the ack leaves within this, whatever the store does.
    public static readonly TimeSpan AckBudget = TimeSpan.FromSeconds(2.5);

    // The hand-off always gets at least this, even when the store took most of the budget.
    private static readonly TimeSpan MinHandOffTime = TimeSpan.FromMilliseconds(300);

    // Less than this left for the notice and it would only be cut off half-sent.
    private static readonly TimeSpan MinNoticeTime = TimeSpan.FromMilliseconds(200);

    // Longest wait for the claim; a store slower than this counts as unavailable.
    public static readonly TimeSpan ClaimBudget = TimeSpan.FromSeconds(1.8);

    // noticeIfStoreDown: Tell the asker in the thread when the claim store is down (best effort, bounded by
    // WorkerOptions.NoticeTimeout). Callers pass false where the platform cannot de-duplicate the notice
    // of a redelivery, or where they answer the asker themselves.
    public async Task<AdmissionOutcome> AdmitAsync(
        ChatTurn turn, bool needsAddressCheck, CancellationToken cancellationToken, bool noticeIfStoreDown = true)
    {
        if (turn.Text.Length > MaxTextChars)
        {
            turn = turn with { Text = turn.Text[..MaxTextChars] };
        }
        var started = time.GetTimestamp();
        // This delivery's mark on the claim: a release gives up only its own claim, never one a redelivery took since.
        var owner = Guid.NewGuid().ToString("N");
        if (await ClaimAsync(turn, owner, cancellationToken) is not { } claimed)
        {
            // Fail closed: no answer now beats two answers; the platform redelivers later.
            if (noticeIfStoreDown)
            {
                await NoticeAsync(turn, AckBudget - time.GetElapsedTime(started), cancellationToken);
            }
            return AdmissionOutcome.StoreUnavailable;
        }
        if (!claimed)
        {
            Log.Duplicate(logger, turn.ClaimKey);
            return AdmissionOutcome.Duplicate;
        }
        return await HandOffAsync(turn, owner, needsAddressCheck, started, cancellationToken);
    }

    // Whether this delivery took the claim; null when the store is down or slower than ClaimBudget.
    private async Task<bool?> ClaimAsync(ChatTurn turn, string owner, CancellationToken cancellationToken)
    {
        // The budget's timer starts only when the store does not answer at once (an in-memory store always does).
        using var budget = new CancellationTokenSource(Timeout.InfiniteTimeSpan, time);
        using var storeCalls = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, budget.Token);
        // Marking the thread does not depend on the claim (marking it again is harmless), so the two writes share one
        // round trip to the store instead of two on the ack path.
        var marking = MarkThreadAsync(turn, storeCalls.Token, cancellationToken);
        bool claimed;
        try
        {
            var claiming = state.TryClaimAsync(turn.ClaimKey, owner, options.ClaimTtl, storeCalls.Token);
            if (!claiming.IsCompleted || !marking.IsCompleted)
            {
                budget.CancelAfter(ClaimBudget);
            }
            claimed = await claiming;
        }
        catch (Exception ex) when (ex is StateUnavailableException
                                   || (ex is OperationCanceledException && budget.IsCancellationRequested && !cancellationToken.IsCancellationRequested))
        {
            await marking;
            Log.ClaimUnavailable(logger, turn.ClaimKey, ex);
            return null;
        }
        catch
        {
            await marking;
            throw;
        }
        await marking;
        return claimed;
    }

    // The hand-off gets what is left of the ack budget; cut off, it counts as failed and the claim is given back,
    // so the platform's redelivery is answered instead of being taken for a duplicate.
    private async Task<AdmissionOutcome> HandOffAsync(ChatTurn turn, string owner, bool needsAddressCheck, long started, CancellationToken cancellationToken)
    {
        var left = AckBudget - time.GetElapsedTime(started);
        using var handOffBudget = new CancellationTokenSource(left > MinHandOffTime ? left : MinHandOffTime, time);
        using var handOff = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, handOffBudget.Token);
        try
        {
            await dispatcher.DispatchAsync(new WorkJob(WorkJob.TurnKind, turn, Hop: 1, time.GetUtcNow(), needsAddressCheck), handOff.Token);
        }
        catch (Exception ex)
        {
            Log.HandOffFailed(logger, turn.ClaimKey, ex);
            await ReleaseAsync(turn.ClaimKey, owner);
            cancellationToken.ThrowIfCancellationRequested();
            return AdmissionOutcome.Unavailable;
        }
        Log.Accepted(logger, turn.ClaimKey);
        return AdmissionOutcome.Accepted;
    }

    // An event delivery's admission as the platform's answer: taken or a duplicate is 200, anything else 503
    // so the platform redelivers (nothing was kept).
    public async Task<EventReply> AdmitEventAsync(ChatTurn turn, bool needsAddressCheck, bool noticeIfStoreDown, CancellationToken cancellationToken) =>
        await AdmitAsync(turn, needsAddressCheck, cancellationToken, noticeIfStoreDown) is AdmissionOutcome.Accepted or AdmissionOutcome.Duplicate
            ? PlatformReplies.Ack()
            : PlatformReplies.Unavailable();

    // Never throws but for cancellation: a claimed message must still be handed off when its thread cannot be marked.
    private async Task MarkThreadAsync(ChatTurn turn, CancellationToken storeCalls, CancellationToken cancellationToken)
    {
        try
        {
            await state.MarkThreadActiveAsync(turn.ThreadKey, options.ThreadTtl, storeCalls);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Log.ThreadNotMarked(logger, turn.ClaimKey, ex);
        }
    }

    // Silence until the redelivery is answered would look like a dead bot; the notice must not hold up the ack.
    private async Task NoticeAsync(ChatTurn turn, TimeSpan left, CancellationToken cancellationToken)
    {
        var allowed = left < options.NoticeTimeout ? left : options.NoticeTimeout;
        if (allowed < MinNoticeTime)
        {
            Log.NoticeSkipped(logger, turn.ClaimKey);
            return;
        }
        using var bound = new CancellationTokenSource(allowed, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, bound.Token);
        try
        {
            // Resolved only here (Lazy): the channels' HTTP clients are not needed on the normal ack path.
            var channel = channels.Value.For(turn.Platform);
            await channel.PostNoticeAsync(turn, StoreUnavailableNotice, IngressTexts.StoreUnavailable(TurnLanguage.Of(turn.Text)), linked.Token);
            Log.NoticePosted(logger, turn.ClaimKey);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            Log.NoticeFailed(logger, turn.ClaimKey, ex);
        }
    }

    // Without the release the redelivery would be taken for a duplicate and the message lost.
    private async Task ReleaseAsync(string claimKey, string owner)
    {
        try
        {
            await state.ReleaseClaimAsync(claimKey, owner, CancellationToken.None);
        }
        catch (StateUnavailableException ex)
        {
            Log.ReleaseFailed(logger, claimKey, ex);
        }
    }
}
