using ChatOps.LarkBotAdapter.Conversations;
using ChatOps.LarkBotAdapter.Jobs;
using ChatOps.LarkBotAdapter.Texts;

namespace ChatOps.LarkBotAdapter.Worker;

// What a turn passes before it is answered: it addresses the bot (checked here when the ingress could not tell), it is
// text the bot can answer, and its sender is within the question rate limit.
public sealed class TurnGate(QuestionRateLimit rateLimit, WorkerOptions options, ILogger<TurnGate> logger)
{
    public async Task<bool> IsAddressedAsync(IChatChannel channel, WorkJob job, CancellationToken cancellationToken)
    {
        if (!job.NeedsAddressCheck || await channel.IsAddressedToBotAsync(job.Turn, cancellationToken))
        {
            return true;
        }
        Log.NotAddressed(logger, job.Turn.ClaimKey);
        return false;
    }

    // The reply that answers the turn instead of an answer, or null when it is answered.
    public async Task<string?> RefusalAsync(ChatTurn turn, TurnLanguage language, CancellationToken cancellationToken)
    {
        if (!turn.IsSupported || string.IsNullOrWhiteSpace(turn.Text))
        {
            return NoticeTexts.Unsupported(language, turn.IsSupported);
        }
        // The polite reply is this message's answer: it stays claimed, and nothing is classified or remembered. An
        // alarm's diagnosis is bounded by ALARM_MAX_THREADS_PER_MINUTE instead.
        return turn.IsFromAlarm ? null : await rateLimit.WaitBeforeAskingAsync(turn, cancellationToken) is { } wait
            ? NoticeTexts.SlowDown(language, options.UserQuestionsPerMinute, wait)
            : null;
    }
}
