using System.Text.Json;

namespace ChatOps.LarkBotAdapter.Alarms;

// Tells an SNS event delivered to POST /events from a job by its shape: an object whose Records are all
// EventSource "aws:sns". Jobs have no Records, so neither can be taken for the other.
public static class SnsEventReader
{
    public static bool IsSnsEvent(byte[] body)
    {
        try
        {
            var reader = new Utf8JsonReader(body);
            using var document = JsonDocument.ParseValue(ref reader);
            return document.RootElement is { ValueKind: JsonValueKind.Object } root
                   && root.TryGetProperty("Records", out var records) && records.ValueKind == JsonValueKind.Array
                   && records.GetArrayLength() > 0
                   && records.EnumerateArray().Any(r => r.ValueKind == JsonValueKind.Object
                                                        && r.TryGetProperty("EventSource", out var source)
                                                        && source.ValueKind == JsonValueKind.String && source.GetString() == "aws:sns");
        }
        catch (JsonException)
        {
            return false;
        }
    }

    // The notifications of an SNS event, or the reason it cannot be one (every record must be a whole SNS record).
    public static IReadOnlyList<SnsNotification> Read(byte[] body, out string? problem)
    {
        problem = null;
        using var document = JsonDocument.Parse(body);
        var notifications = new List<SnsNotification>();
        foreach (var record in document.RootElement.GetProperty("Records").EnumerateArray())
        {
            if (Notification(record) is { } notification)
            {
                notifications.Add(notification);
                continue;
            }
            problem = "not an SNS event: every record needs EventSource aws:sns and Sns.MessageId, Sns.TopicArn, Sns.Message";
            return [];
        }
        return notifications;
    }

    private static SnsNotification? Notification(JsonElement record)
    {
        if (record.ValueKind != JsonValueKind.Object
            || !(record.TryGetProperty("EventSource", out var source) && source.ValueKind == JsonValueKind.String && source.GetString() == "aws:sns")
            || !record.TryGetProperty("Sns", out var sns) || sns.ValueKind != JsonValueKind.Object)
        {
            return null;
        }
        var id = Text(sns, "MessageId");
        var topic = Text(sns, "TopicArn");
        var message = Text(sns, "Message");
        return id is { Length: > 0 and <= 128 } && topic is { Length: > 0 } && message is not null ? new SnsNotification(id, topic, message) : null;
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
