using ChatOps.LarkBotAdapter.Conversations;
using ChatOps.LarkBotAdapter.State;
using ChatOps.LarkBotAdapter.Worker;

namespace ChatOps.LarkBotAdapter.Ingress;

/// <summary>The last step of every ingress: claim the message once, mark its thread, hand it off.</summary>
public sealed partial class TurnAdmission(
    IStateStore state, IJobDispatcher dispatcher, WorkerOptions options, TimeProvider time, ILogger<TurnAdmission> logger)
{
    /// <summary>Longest question text handed to the worker (keeps jobs far below Lambda's async payload limit).</summary>
    public const int MaxTextChars = 16_000;

    public async Task<AdmissionOutcome> AdmitAsync(ChatTurn turn, bool needsAddressCheck, CancellationToken cancellationToken)
    {
        if (turn.Text.Length > MaxTextChars)
        {
            turn = turn with { Text = turn.Text[..MaxTextChars] };
        }
        bool claimed;
        try
        {
            claimed = await state.TryClaimAsync(turn.ClaimKey, options.ClaimTtl, cancellationToken);
        }
        catch (StateUnavailableException ex)
        {
            // Fail closed: no answer now beats two answers; the platform redelivers later.
            Log.ClaimUnavailable(logger, turn.ClaimKey, ex);
            return AdmissionOutcome.Unavailable;
        }
        if (!claimed)
        {
            Log.Duplicate(logger, turn.ClaimKey);
            return AdmissionOutcome.Duplicate;
        }
        try
        {
            await state.MarkThreadActiveAsync(turn.ThreadKey, options.ThreadTtl, cancellationToken);
        }
        catch (StateUnavailableException ex)
        {
            Log.ThreadNotMarked(logger, turn.ClaimKey, ex);
        }
        try
        {
            await dispatcher.DispatchAsync(new WorkJob(WorkJob.TurnKind, turn, Hop: 1, time.GetUtcNow(), needsAddressCheck), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.HandOffFailed(logger, turn.ClaimKey, ex);
            await ReleaseAsync(turn.ClaimKey);
            return AdmissionOutcome.Unavailable;
        }
        Log.Accepted(logger, turn.ClaimKey);
        return AdmissionOutcome.Accepted;
    }

    // Without the release the redelivery would be taken for a duplicate and the message lost.
    private async Task ReleaseAsync(string claimKey)
    {
        try
        {
            await state.ReleaseClaimAsync(claimKey, CancellationToken.None);
        }
        catch (StateUnavailableException ex)
        {
            Log.ReleaseFailed(logger, claimKey, ex);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Turn {ClaimKey} accepted")]
        public static partial void Accepted(ILogger logger, string claimKey);

        [LoggerMessage(EventId = 1002, Level = LogLevel.Information, Message = "Turn {ClaimKey} already claimed; duplicate delivery acknowledged")]
        public static partial void Duplicate(ILogger logger, string claimKey);

        [LoggerMessage(EventId = 1003, Level = LogLevel.Error, Message = "Turn {ClaimKey}: claim store unavailable; asking the platform to redeliver")]
        public static partial void ClaimUnavailable(ILogger logger, string claimKey, Exception exception);

        [LoggerMessage(EventId = 1004, Level = LogLevel.Error, Message = "Turn {ClaimKey}: hand-off to the worker failed; claim released, asking the platform to redeliver")]
        public static partial void HandOffFailed(ILogger logger, string claimKey, Exception exception);

        [LoggerMessage(EventId = 1005, Level = LogLevel.Error, Message = "Turn {ClaimKey}: claim could not be released; the redelivery will be taken for a duplicate")]
        public static partial void ReleaseFailed(ILogger logger, string claimKey, Exception exception);

        [LoggerMessage(EventId = 1006, Level = LogLevel.Warning, Message = "Turn {ClaimKey}: thread not marked active; follow-ups without @ may be missed")]
        public static partial void ThreadNotMarked(ILogger logger, string claimKey, Exception exception);
    }
}
