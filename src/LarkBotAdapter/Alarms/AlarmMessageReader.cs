using System.Globalization;
using System.Text.Json;

namespace ChatOps.LarkBotAdapter.Alarms;

// Reads an SNS message as CloudWatch's alarm JSON. A message that is not JSON, or JSON without AlarmArn and
// NewStateValue, is not an alarm; one that has them must have every field with its type, or it is malformed.
public static class AlarmMessageReader
{
    private static readonly string[] States = [CloudWatchAlarm.Alarm, CloudWatchAlarm.Ok, CloudWatchAlarm.InsufficientData];

    public static AlarmReading Read(string message)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(message);
        }
        catch (JsonException)
        {
            return AlarmReading.NotAnAlarm;
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("AlarmArn", out _) || !root.TryGetProperty("NewStateValue", out _))
            {
                return AlarmReading.NotAnAlarm;
            }
            try
            {
                return new AlarmReading(Alarm(root), null);
            }
            catch (FormatException ex)
            {
                return AlarmReading.Malformed(ex.Message);
            }
        }
    }

    private static CloudWatchAlarm Alarm(JsonElement root)
    {
        var arn = Text(root, "AlarmArn");
        var parts = arn.Split(':', 7);
        if (parts is not ["arn", "aws" or "aws-cn" or "aws-us-gov", "cloudwatch", { Length: > 0 }, { Length: 12 }, "alarm", { Length: > 0 }])
        {
            throw new FormatException("AlarmArn is not a CloudWatch alarm ARN");
        }
        var account = Text(root, "AWSAccountId");
        if (account != parts[4])
        {
            throw new FormatException("AWSAccountId does not match AlarmArn");
        }
        var state = Text(root, "NewStateValue");
        if (!States.Contains(state, StringComparer.Ordinal))
        {
            throw new FormatException("NewStateValue is not ALARM, OK or INSUFFICIENT_DATA");
        }
        return new CloudWatchAlarm(
            Text(root, "AlarmName"), arn, OptionalText(root, "AlarmDescription"), state, Text(root, "OldStateValue"),
            Text(root, "NewStateReason"), Time(root, "StateChangeTime"), parts[3], Text(root, "Region"), account,
            root.TryGetProperty("Trigger", out var trigger) && trigger.ValueKind == JsonValueKind.Object ? AlarmTriggerReader.Read(trigger) : null);
    }

    internal static string Text(JsonElement element, string name) =>
        OptionalText(element, name) is { Length: > 0 } text ? text : throw new FormatException($"{name} is missing or empty");

    internal static string? OptionalText(JsonElement element, string name) =>
        !element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null ? null
        : value.ValueKind == JsonValueKind.String ? value.GetString()
        : throw new FormatException($"{name} is not a string");

    // CloudWatch writes "2026-12-07T19:02:14.542+0000"; ISO 8601 with a colon in the offset is accepted too.
    private static DateTimeOffset Time(JsonElement element, string name)
    {
        var text = Text(element, name);
        string[] formats = ["yyyy-MM-dd'T'HH:mm:ss.fffzzz", "yyyy-MM-dd'T'HH:mm:ss.fffK", "yyyy-MM-dd'T'HH:mm:ssK"];
        var normalized = text.Length > 5 && (text[^5] is '+' or '-') && char.IsAsciiDigit(text[^1]) ? text[..^2] + ":" + text[^2..] : text;
        return DateTimeOffset.TryParseExact(normalized, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? time
            : throw new FormatException($"{name} is not a time");
    }
}
