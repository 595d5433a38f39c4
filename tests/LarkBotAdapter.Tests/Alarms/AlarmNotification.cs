using System.Globalization;
using System.Text.Json.Nodes;

namespace ChatOps.LarkBotAdapter.Tests.Alarms;

/// <summary>Test data: a CloudWatch alarm state change as CloudWatch publishes it to SNS (the message's JSON), and the
/// Lambda SNS event that carries it (<c>{"Records":[{"EventSource":"aws:sns","Sns":{…}}]}</c>).</summary>
public sealed class AlarmNotification
{
    public const string Account = "111111111111";
    public const string TopicArn = "arn:aws:sns:us-east-1:111111111111:chatops-alarms";
    public static readonly DateTimeOffset DefaultTime = new(2026, 12, 7, 19, 1, 2, 345, TimeSpan.Zero);

    private readonly JsonObject _message;

    private AlarmNotification(string name, string state, string old, DateTimeOffset at)
    {
        _message = new JsonObject
        {
            ["AlarmName"] = name,
            ["AlarmDescription"] = "Checkout answers 5xx: page the on-call",
            ["AWSAccountId"] = Account,
            ["AlarmConfigurationUpdatedTimestamp"] = "2026-12-01T08:00:00.000+0000",
            ["NewStateValue"] = state,
            ["NewStateReason"] = "Threshold Crossed: 1 out of the last 1 datapoints [12.0 (07/12/26 19:00:00)] was greater than the threshold (5.0) (minimum 1 datapoint for OK -> ALARM transition).",
            ["StateChangeTime"] = Time(at),
            ["Region"] = "US East (N. Virginia)",
            ["AlarmArn"] = $"arn:aws:cloudwatch:us-east-1:{Account}:alarm:{name}",
            ["OldStateValue"] = old,
            ["OKActions"] = new JsonArray(TopicArn),
            ["AlarmActions"] = new JsonArray(TopicArn),
            ["InsufficientDataActions"] = new JsonArray(),
            ["Trigger"] = new JsonObject
            {
                ["MetricName"] = "HTTPCode_Target_5XX_Count",
                ["Namespace"] = "AWS/ApplicationELB",
                ["StatisticType"] = "Statistic",
                ["Statistic"] = "SUM",
                ["Unit"] = null,
                ["Dimensions"] = new JsonArray(new JsonObject { ["value"] = "app/checkout/50dc6c495c0c9188", ["name"] = "LoadBalancer" }),
                ["Period"] = 60,
                ["EvaluationPeriods"] = 1,
                ["DatapointsToAlarm"] = 1,
                ["ComparisonOperator"] = "GreaterThanThreshold",
                ["Threshold"] = 5.0,
                ["TreatMissingData"] = "missing",
                ["EvaluateLowSampleCountPercentile"] = "",
            },
        };
    }

    public static AlarmNotification Firing(string name = "checkout-api-5xx", DateTimeOffset? at = null) => new(name, "ALARM", "OK", at ?? DefaultTime);

    public static AlarmNotification Ok(string name = "checkout-api-5xx", DateTimeOffset? at = null) => new(name, "OK", "ALARM", at ?? DefaultTime.AddMinutes(12));

    public static AlarmNotification NoData(string name = "checkout-api-5xx", DateTimeOffset? at = null) => new(name, "INSUFFICIENT_DATA", "OK", at ?? DefaultTime);

    public AlarmNotification Describe(string? description) => Set("AlarmDescription", description);

    public AlarmNotification Set(string field, JsonNode? value)
    {
        _message[field] = value;
        return this;
    }

    public AlarmNotification Without(string field)
    {
        _message.Remove(field);
        return this;
    }

    /// <summary>A metric-math alarm: Trigger.Metrics instead of one metric.</summary>
    public AlarmNotification MetricMath() => Set("Trigger", new JsonObject
    {
        ["Metrics"] = new JsonArray(
            new JsonObject { ["Expression"] = "100*(e1/r1)", ["Id"] = "ratio", ["Label"] = "error rate", ["ReturnData"] = true },
            new JsonObject
            {
                ["Id"] = "e1",
                ["MetricStat"] = new JsonObject
                {
                    ["Metric"] = new JsonObject
                    {
                        ["Dimensions"] = new JsonArray(new JsonObject { ["value"] = "app/checkout/1", ["name"] = "LoadBalancer" }),
                        ["MetricName"] = "HTTPCode_Target_5XX_Count",
                        ["Namespace"] = "AWS/ApplicationELB",
                    },
                    ["Period"] = 60,
                    ["Stat"] = "Sum",
                },
                ["ReturnData"] = false,
            }),
        ["Period"] = 60,
        ["EvaluationPeriods"] = 3,
        ["ComparisonOperator"] = "GreaterThanThreshold",
        ["Threshold"] = 2.0,
        ["TreatMissingData"] = "missing",
    });

    public string Message => _message.ToJsonString();

    /// <summary>The Lambda SNS event with one record carrying this alarm.</summary>
    public string Event(string messageId) => SnsEvent((messageId, Message));

    /// <summary>A Lambda SNS event with these records (message id, message text).</summary>
    public static string SnsEvent(params (string MessageId, string Message)[] records) => new JsonObject
    {
        ["Records"] = new JsonArray(records.Select(r => (JsonNode)new JsonObject
        {
            ["EventSource"] = "aws:sns",
            ["EventVersion"] = "1.0",
            ["EventSubscriptionArn"] = TopicArn + ":2bcfbf39-05c3-41de-beaa-fcfcc21c8f55",
            ["Sns"] = new JsonObject
            {
                ["Type"] = "Notification",
                ["MessageId"] = r.MessageId,
                ["TopicArn"] = TopicArn,
                ["Subject"] = "ALARM: \"checkout-api-5xx\" in US East (N. Virginia)",
                ["Message"] = r.Message,
                ["Timestamp"] = "2026-12-07T19:01:02.400Z",
                ["SignatureVersion"] = "1",
                ["Signature"] = "EXAMPLEpH+DcEwjAPg8O9mY8dReBSwksfg2S7WKQcikcNKWLQjwu6A4VbeS0QHVCkhRS7fUQvi2egU3N858fiTDN6bkkOxYDVrY0Ad8L10Hs3zH81mtnPk5uvvolIC1CXGu43obcgFxeL3khZl8IKvO61GWB6jI9b5+gLPoBc1Q=",
                ["SigningCertUrl"] = "https://sns.us-east-1.amazonaws.com/SimpleNotificationService-0000000000000000000000.pem",
                ["UnsubscribeUrl"] = "https://sns.us-east-1.amazonaws.com/?Action=Unsubscribe",
                ["MessageAttributes"] = new JsonObject(),
            },
        }).ToArray()),
    }.ToJsonString();

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'+0000'", CultureInfo.InvariantCulture);
}
