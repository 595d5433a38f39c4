using ChatOps.IntentRecognition;
using ChatOps.LarkBotAdapter.Conversations;
using ChatOps.LarkBotAdapter.Conversations.Live;
using ChatOps.LarkBotAdapter.Jobs;
using ChatOps.LarkBotAdapter.State;
using ChatOps.LarkBotAdapter.Telemetry;
using ChatOps.LarkBotAdapter.Texts;

namespace ChatOps.LarkBotAdapter.Worker;

// The worker's pipeline for one turn: gate ▸ thread commands ▸ answer (TurnAnswerer) ▸ failure notice ▸ save.
// Every turn it accepts ends in an answer or an explicit error reply in its thread.
public sealed class TurnProcessor(
    ChatChannels channels,
    TurnGate gate,
    IEnumerable<IThreadCommand> commands,
    ThreadMemory threads,
    TurnAnswerer answerer,
    IStateStore state,
    WorkerOptions options,
    TimeProvider time,
    ChatOpsMetrics metrics,
    ILogger<TurnProcessor> logger)
{
    // Answers job. Returns the intent used (null when nothing was classified). Throws only
    // when replies could not be posted at all, so the caller can retry the job (replies are idempotent).
    // stopping cuts the answer short like the answer deadline, with a notice that the bot restarted.
    public async Task<IntentResult?> ProcessAsync(WorkJob job, CancellationToken cancellationToken, CancellationToken stopping = default)
    {
        var channel = channels.For(job.Turn.Platform);
        if (!await gate.IsAddressedAsync(channel, job, cancellationToken))
        {
            return null;
        }
        var replies = await ReplyWriter.OpenAsync(channel, job.Turn, state, options, time, logger, cancellationToken);
        var (turn, language) = (replies.Turn, replies.Language);
        if (await gate.RefusalAsync(turn, language, cancellationToken) is { } refusal)
        {
            await replies.PostFinalAsync(refusal, cancellationToken);
            return null;
        }
        var reaction = await AskerReaction.AddAsync(channel, turn, options.Reactions, logger, cancellationToken);
        var thread = await threads.LoadAsync(turn, cancellationToken);
        if (await CommandAsync(turn, language, cancellationToken) is { } command)
        {
            await replies.PostFinalAsync(command.Text, cancellationToken);
            await reaction.FinishAsync(failed: !command.Succeeded, cancellationToken);
            return null;
        }
        var live = options.LiveReplies && channel.Live is { } liveChannel
            ? new LiveAnswer(liveChannel, turn, replies.LiveLedger(), time, logger)
            : null;
        var run = new AnswerRun(replies, live, thread, time.GetTimestamp());
        var failed = await answerer.AnswerAsync(run, cancellationToken, stopping);
        metrics.Answered(AnswerMetrics.Of(run, failed, time));
        if (turn.IsFromAlarm && AnswerMetrics.FirstTextAt(run, time) is { } shown)
        {
            metrics.DiagnosisShown(turn.Platform, shown - job.AcceptedAt);
        }
        await reaction.FinishAsync(failed, cancellationToken);
        if (run.Intent is not { } intent)
        {
            return null;
        }
        await threads.SaveAsync(thread, turn, intent, run.Text.ToString(), run.Attributes, cancellationToken);
        return intent;
    }

    // The first thread command that answers the text (Approvals: "approve P-…"), or null to answer it as a question.
    private async Task<ThreadCommandReply?> CommandAsync(ChatTurn turn, TurnLanguage language, CancellationToken cancellationToken)
    {
        foreach (var command in commands)
        {
            if (await command.AnswerAsync(turn, language, cancellationToken) is { } reply)
            {
                return reply;
            }
        }
        return null;
    }
}
