using System.Globalization;

namespace ChatOps.Bench;

/// <summary>50 % knowledge, 30 % ops, 20 % off-topic, interleaved. The question carries a marker the fake classifier
/// reads (<c>[kb ref …]</c>, <c>[ops ref …]</c>), so the mix is exactly what the bench asked for.</summary>
internal static class MessageMix
{
    public const string OffTopicEnding = "AWS accounts and clusters.";
    public const string KnowledgeEnding = "s3://bench-runbooks/checkout/rollback.md";
    public const string ErrorMarker = "⚠️";

    private static readonly Route[] Pattern =
    [
        Route.Knowledge, Route.Ops, Route.Knowledge, Route.OffTopic, Route.Knowledge,
        Route.Ops, Route.Knowledge, Route.OffTopic, Route.Knowledge, Route.Ops,
    ];

    public static Route RouteOf(int message) => Pattern[message % Pattern.Length];

    public static string Ref(int message) => message.ToString("D7", CultureInfo.InvariantCulture);

    public static string Question(int message) => RouteOf(message) switch
    {
        Route.Knowledge => $"according to the runbook, how do I roll back checkout-api after a bad deploy? [kb ref {Ref(message)}]",
        Route.Ops => $"is checkout-api throwing 5xx in prod right now? [ops ref {Ref(message)}]",
        _ => $"what's a good place for lunch near the office? [chat ref {Ref(message)}]",
    };

    /// <summary>Text the last segment of a complete answer contains.</summary>
    public static string Ending(int message) => RouteOf(message) switch
    {
        Route.Knowledge => KnowledgeEnding,
        Route.Ops => OpsEnding(Ref(message)),
        _ => OffTopicEnding,
    };

    public static string OpsEnding(string reference) => $"End of the ops report for ref {reference}.";

    /// <summary>The label the fake model gives, from the marker; also returns the message number (-1 if none).</summary>
    public static (string Label, int Message) Classify(string question)
    {
        var message = MessageOf(question);
        if (question.Contains("[kb ref ", StringComparison.Ordinal))
        {
            return ("knowledge_base", message);
        }
        return question.Contains("[ops ref ", StringComparison.Ordinal) ? ("aws_ops", message) : ("off_topic", message);
    }

    /// <summary>The message number in a question's <c>ref</c> marker, or -1.</summary>
    public static int MessageOf(string text)
    {
        var at = text.IndexOf(" ref ", StringComparison.Ordinal);
        return at >= 0 && at + 12 <= text.Length && int.TryParse(text.AsSpan(at + 5, 7), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1;
    }
}
