namespace ChatOps.LarkBotAdapter.Alarms;

// What an SNS message turned out to be: a CloudWatch alarm (Alarm set), something else (ignored), or an alarm whose
// fields are wrong (Problem set: refused with 400, nothing done).
public sealed record AlarmReading(CloudWatchAlarm? Alarm, string? Problem)
{
    public static readonly AlarmReading NotAnAlarm = new(null, null);

    public static AlarmReading Malformed(string problem) => new(null, problem);

    public bool IsAlarm => Alarm is not null;
}
