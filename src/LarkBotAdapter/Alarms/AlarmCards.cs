using System.Globalization;
using ChatOps.LarkBotAdapter.Conversations.Alarms;

namespace ChatOps.LarkBotAdapter.Alarms;

// What an alarm's root message says: opened (state, name, reason, metric and dimensions, threshold, account and
// region, time, description, console link), resolved (with the duration), and a storm's summary.
public static class AlarmCards
{
    public static AlarmCard Opened(CloudWatchAlarm alarm) => new(
        $"{alarm.NewState}: {alarm.Name}", alarm.NewState == CloudWatchAlarm.Alarm ? AlarmTone.Firing : AlarmTone.NoData, Fields(alarm), alarm.ConsoleLink);

    public static AlarmCard Resolved(CloudWatchAlarm alarm, TimeSpan duration) => new(
        $"Resolved after {Duration(duration)}: {alarm.Name}", AlarmTone.Resolved, Fields(alarm), alarm.ConsoleLink);

    public static AlarmCard Storm(IReadOnlyList<string> names, int threads, string minute) => new(
        $"Alarm storm: {names.Count} more alarm(s) in {minute} UTC",
        AlarmTone.Storm,
        [new AlarmCardField("Not opened as threads", string.Join(", ", names)), new AlarmCardField("Threads this minute", threads.ToString(CultureInfo.InvariantCulture) + " (ALARM_MAX_THREADS_PER_MINUTE)")],
        null);

    // The one line posted in the thread when the alarm returns to OK.
    public static string ResolvedLine(CloudWatchAlarm alarm, TimeSpan duration) =>
        $"✅ Back to OK at {Time(alarm.StateChangeTime)}, after {Duration(duration)}.";

    // The alarm as the thread's first remembered turn (what follow-ups are about).
    public static string Summary(CloudWatchAlarm alarm) =>
        string.Join("\n", Opened(alarm).Fields.Select(f => $"{f.Label}: {f.Value}").Prepend("CloudWatch alarm " + alarm.Name));

    private static AlarmCardField[] Fields(CloudWatchAlarm alarm)
    {
        var fields = new List<AlarmCardField>
        {
            new("State", $"{alarm.NewState} (was {alarm.OldState})"),
            new("Reason", alarm.Reason),
        };
        if (alarm.Metric is { } metric)
        {
            fields.Add(new("Metric", metric.Summary));
            fields.Add(new("Threshold", metric.ThresholdSummary));
        }
        fields.Add(new("Account / region", $"{alarm.AccountId} / {alarm.Region}"));
        fields.Add(new("Time", Time(alarm.StateChangeTime)));
        if (alarm.Description is { Length: > 0 } description)
        {
            fields.Add(new("Description", description));
        }
        return [.. fields];
    }

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    private static string Duration(TimeSpan duration) => duration.TotalHours >= 1
        ? $"{(int)duration.TotalHours} h {duration.Minutes} min"
        : duration.TotalMinutes >= 1 ? $"{(int)duration.TotalMinutes} min" : $"{Math.Max(0, (int)duration.TotalSeconds)} s";
}
