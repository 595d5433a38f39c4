using ChatOps.LarkBotAdapter.Jobs;

namespace ChatOps.LarkBotAdapter.Alarms;

// alarm.notify: the alarm in the job's payload, in the chat its turn names (AlarmEpisodes).
public sealed class AlarmJobHandler(AlarmEpisodes episodes) : IJobHandler
{
    public string Kind => WorkJob.AlarmKind;

    public Task HandleAsync(WorkJob job, CancellationToken cancellationToken, CancellationToken stopping) =>
        AlarmMessageReader.Read(job.Payload ?? "").Alarm is { } alarm
            ? episodes.HandleAsync(new AlarmTarget(job.Turn.Platform, job.Turn.ChatId), alarm, job.Key, job.AcceptedAt, cancellationToken, stopping)
            : Task.CompletedTask;
}
