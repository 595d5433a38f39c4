using System.Diagnostics.CodeAnalysis;

namespace ChatOps.IntentRecognition;

/// <summary>The wire labels of <see cref="Intent"/> (docs/CONTRACTS.md §4): <c>knowledge_base</c>, <c>aws_ops</c>, <c>off_topic</c>.</summary>
public static class IntentLabels
{
    /// <summary>Label of <see cref="Intent.KnowledgeBase"/>.</summary>
    public const string KnowledgeBase = "knowledge_base";

    /// <summary>Label of <see cref="Intent.AwsOps"/>.</summary>
    public const string AwsOps = "aws_ops";

    /// <summary>Label of <see cref="Intent.OffTopic"/>.</summary>
    public const string OffTopic = "off_topic";

    /// <summary>All labels, in enum order.</summary>
    public static IReadOnlyList<string> All { get; } = [KnowledgeBase, AwsOps, OffTopic];

    /// <summary>The wire label of an intent.</summary>
    public static string ToLabel(this Intent intent) => intent switch
    {
        Intent.KnowledgeBase => KnowledgeBase,
        Intent.AwsOps => AwsOps,
        Intent.OffTopic => OffTopic,
        _ => throw new ArgumentOutOfRangeException(nameof(intent), intent, "Unknown intent."),
    };

    /// <summary>Parses an exact wire label (case-insensitive, surrounding spaces ignored).</summary>
    public static bool TryParse(string? label, [NotNullWhen(true)] out Intent? intent)
    {
        intent = label?.Trim().ToLowerInvariant() switch
        {
            KnowledgeBase => Intent.KnowledgeBase,
            AwsOps => Intent.AwsOps,
            OffTopic => Intent.OffTopic,
            _ => null,
        };
        return intent is not null;
    }
}
