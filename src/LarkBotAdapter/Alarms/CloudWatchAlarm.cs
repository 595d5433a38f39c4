namespace ChatOps.LarkBotAdapter.Alarms;

// One CloudWatch alarm state change as published to SNS (the message's JSON), read strictly by AlarmMessageReader.
// Region: the region code taken from AlarmArn (the message's own Region field is a display name, kept as RegionName).
// Description and Reason are untrusted text: anyone who may edit the alarm writes them.
public sealed record CloudWatchAlarm(
    string Name,
    string Arn,
    string? Description,
    string NewState,
    string OldState,
    string Reason,
    DateTimeOffset StateChangeTime,
    string Region,
    string RegionName,
    string AccountId,
    AlarmMetric? Metric)
{
    public const string Alarm = "ALARM";
    public const string Ok = "OK";
    public const string InsufficientData = "INSUFFICIENT_DATA";

    // The alarm's page in the CloudWatch console (the China partition has its own console domain).
    public string ConsoleLink
    {
        get
        {
            var domain = Arn.StartsWith("arn:aws-cn:", StringComparison.Ordinal) ? "console.amazonaws.cn" : "console.aws.amazon.com";
            return $"https://{Region}.{domain}/cloudwatch/home?region={Region}#alarmsV2:alarm/{Uri.EscapeDataString(Name)}";
        }
    }
}
