using ChatOps.LarkBotAdapter.Conversations;
using ChatOps.LarkBotAdapter.Jobs;
using ChatOps.LarkBotAdapter.State;

namespace ChatOps.LarkBotAdapter.Alarms;

// An SNS event on POST /events, answered at once: every record is read first (one malformed alarm refuses the event
// with nothing done), then each alarm is claimed by its SNS MessageId (a redelivery ends there) and handed off as one
// alarm.notify job per chat it goes to. Other SNS messages are logged and ignored.
public sealed class AlarmIngress(
    AlarmOptions options, IStateStore state, IJobDispatcher dispatcher, WorkerOptions worker, TimeProvider time, ILogger<AlarmIngress> logger)
{
    public async Task<(AlarmAdmission Admission, string? Problem)> AdmitAsync(byte[] body, CancellationToken cancellationToken)
    {
        var notifications = SnsEventReader.Read(body, out var problem);
        var readings = notifications.Select(n => (Notification: n, Reading: AlarmMessageReader.Read(n.Message))).ToArray();
        problem ??= readings.Select(r => r.Reading.Problem is { } p ? $"SNS message {r.Notification.MessageId}: {p}" : null).FirstOrDefault(p => p is not null);
        if (problem is not null)
        {
            Log.Malformed(logger, problem);
            return (AlarmAdmission.Malformed, problem);
        }
        foreach (var (notification, reading) in readings)
        {
            if (reading.Alarm is not { } alarm)
            {
                Log.NotAnAlarm(logger, notification.MessageId, notification.TopicArn);
                continue;
            }
            if (!await HandOffAsync(notification, alarm, cancellationToken))
            {
                return (AlarmAdmission.NotHandedOff, null);
            }
        }
        return (AlarmAdmission.Accepted, null);
    }

    private async Task<bool> HandOffAsync(SnsNotification notification, CloudWatchAlarm alarm, CancellationToken cancellationToken)
    {
        var targets = options.TargetsFor(alarm.Name);
        var skip = targets.Count == 0 ? "no chat (ALARM_CHANNELS, ALARM_ROUTES)"
            : alarm.NewState == CloudWatchAlarm.InsufficientData && !options.ShowInsufficientData ? "INSUFFICIENT_DATA is hidden (ALARM_SHOW_INSUFFICIENT_DATA)"
            : null;
        if (skip is not null)
        {
            Log.Skipped(logger, alarm.Name, alarm.NewState, notification.MessageId, skip);
            return true;
        }
        var claim = "sns:" + notification.MessageId;
        var owner = Guid.NewGuid().ToString("N");
        try
        {
            if (!await state.TryClaimAsync(claim, owner, worker.ClaimTtl, cancellationToken))
            {
                Log.Duplicate(logger, notification.MessageId);
                return true;
            }
        }
        catch (StateUnavailableException ex)
        {
            Log.NotHandedOff(logger, notification.MessageId, "the state store is unavailable", ex);
            return false;
        }
        return await DispatchAsync(notification, alarm, targets, claim, owner, cancellationToken);
    }

    private async Task<bool> DispatchAsync(
        SnsNotification notification, CloudWatchAlarm alarm, IReadOnlyList<AlarmTarget> targets, string claim, string owner, CancellationToken cancellationToken)
    {
        try
        {
            foreach (var target in targets)
            {
                await dispatcher.DispatchAsync(Job(notification, target), cancellationToken);
            }
            Log.Accepted(logger, alarm.Name, alarm.NewState, notification.MessageId, targets.Count);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Jobs already handed off are leased by their key, so the retried event runs each once.
            Log.NotHandedOff(logger, notification.MessageId, "the hand-off failed", ex);
            await ReleaseAsync(claim, owner);
            return false;
        }
    }

    private async Task ReleaseAsync(string claim, string owner)
    {
        try
        {
            await state.ReleaseClaimAsync(claim, owner, CancellationToken.None);
        }
        catch (StateUnavailableException)
        {
            // The claim then keeps the redelivery out until it expires; Lambda's retry of this event is refused the same way.
        }
    }

    // The job for one chat: its turn names the chat (the channel fills in the app when it posts) and the SNS message.
    private WorkJob Job(SnsNotification notification, AlarmTarget target) => new(
        WorkJob.AlarmKind,
        new ChatTurn(target.Platform, "alarm", target.ChatId, ChatTypes.Group, "sns-" + notification.MessageId, null, null, ChatTurn.AlarmSender, "alarm", "", []),
        Hop: 1,
        time.GetUtcNow(),
        Payload: notification.Message);
}
