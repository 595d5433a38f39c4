using ChatOps.IntentRecognition;
using ChatOps.LarkBotAdapter.Conversations;
using ChatOps.LarkBotAdapter.Jobs;
using ChatOps.LarkBotAdapter.State;
using ChatOps.LarkBotAdapter.Telemetry;
using ChatOps.LarkBotAdapter.Worker;

namespace ChatOps.LarkBotAdapter.Alarms;

// An alarm's thread as a conversation: marked as one the bot answers (follow-ups need no @mention), its context fixed
// to the ops route with the alarm's profile and summary, and the first diagnosis asked by the bot itself through the
// worker's pipeline (live where the channel shows it, the ops boundaries and checks as for any question).
public sealed class AlarmThreads(
    IStateStore state, AlarmOptions options, WorkerOptions worker, TurnProcessor processor, ChatOpsMetrics metrics, TimeProvider time,
    ILogger<AlarmThreads> logger)
{
    public async Task OpenAsync(ChatTurn root, CloudWatchAlarm alarm, CancellationToken cancellationToken)
    {
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal) { [ThreadAttributes.Route] = Intent.AwsOps.ToLabel() };
        if (options.ProfileFor(alarm.AccountId) is { } profile)
        {
            attributes[ThreadAttributes.AwsProfile] = profile;
        }
        var context = ThreadContext.Empty(root.ThreadKey, time.GetUtcNow()) with
        {
            Turns = [new ConversationTurn(ConversationTurn.Assistant, AlarmCards.Summary(alarm))],
            Attributes = attributes,
        };
        try
        {
            await state.MarkThreadActiveAsync(root.ThreadKey, worker.ThreadTtl, cancellationToken);
            // A retried job finds the context saved already (version 1): that one stands.
            await state.TrySaveThreadAsync(context, worker.ThreadTtl, cancellationToken);
        }
        catch (StateUnavailableException ex)
        {
            Log.ThreadNotPrepared(logger, root.ThreadKey, ex);
        }
    }

    // The first read-only diagnosis in the root's thread, when the ops route is configured and ALARM_DIAGNOSE allows it.
    // Its job carries notifiedAt as its acceptance time, so the worker measures the first text from the notification.
    public async Task DiagnoseAsync(
        ChatTurn root, CloudWatchAlarm alarm, DateTimeOffset notifiedAt, CancellationToken cancellationToken, CancellationToken stopping)
    {
        if (!options.DiagnoseWithOps)
        {
            return;
        }
        DiagnosisStarted(root, alarm);
        var turn = root with { Text = AlarmPrompt.For(alarm, options.ProfileFor(alarm.AccountId)) };
        await processor.ProcessAsync(new WorkJob(WorkJob.TurnKind, turn, Hop: 1, notifiedAt), cancellationToken, stopping);
    }

    private void DiagnosisStarted(ChatTurn root, CloudWatchAlarm alarm)
    {
        Log.DiagnosisStarted(logger, root.ThreadKey, options.ProfileFor(alarm.AccountId));
        metrics.DiagnosisStarted(root.Platform);
    }
}
