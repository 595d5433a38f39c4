using ChatOps.LarkBotAdapter.Conversations;
using ChatOps.LarkBotAdapter.Jobs;
using ChatOps.LarkBotAdapter.State;

namespace ChatOps.LarkBotAdapter.Worker;

// At most WorkerOptions.UserQuestionsPerMinute questions per (platform, app, user) in each
// clock minute, counted in the state store so every instance shares the count. Checked by the worker, never at the
// ack, so the fast path stays one claim.
public sealed class QuestionRateLimit(IStateStore state, WorkerOptions options, TimeProvider time, ILogger<QuestionRateLimit> logger)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    // null when turn may be answered; otherwise how long until its sender may ask again.
    // A store that cannot answer lets the question through: a lost count is better than a lost answer.
    public async Task<TimeSpan?> WaitBeforeAskingAsync(ChatTurn turn, CancellationToken cancellationToken)
    {
        var limit = options.UserQuestionsPerMinute;
        if (limit <= 0)
        {
            return null;
        }
        var now = time.GetUtcNow();
        var windowStart = now.ToUnixTimeSeconds() / 60 * 60;
        var key = $"{turn.Platform}:{turn.AppId}:{turn.SenderId}#{windowStart}";
        int count;
        try
        {
            count = await state.CountInWindowAsync(key, turn.ClaimKey, limit + 1, Window + Window, cancellationToken);
        }
        catch (StateUnavailableException ex)
        {
            Log.CountFailed(logger, turn.ClaimKey, ex);
            return null;
        }
        if (count <= limit)
        {
            return null;
        }
        Log.Limited(logger, turn.ClaimKey, limit);
        return DateTimeOffset.FromUnixTimeSeconds(windowStart) + Window - now;
    }
}
