using ChatOps.IntentRecognition.Model;

namespace ChatOps.IntentRecognition.Bedrock;

/// <summary>The few-shot examples of the Converse prompt, taken from the local model's training set so both classifiers
/// learn from one source: per label, one question from each of its <see cref="PerLabel"/> largest topics, alternating
/// English and Chinese, the question of median length within its topic and language (ties by text). Deterministic.</summary>
internal static class PromptExamples
{
    public const int PerLabel = 5;

    private static readonly Lazy<IReadOnlyList<LabelledQuestion>> Bundled = new(() => Choose(LabelledQuestions.BundledTraining()));

    public static IReadOnlyList<LabelledQuestion> All => Bundled.Value;

    public static IReadOnlyList<LabelledQuestion> Choose(IReadOnlyList<LabelledQuestion> questions)
    {
        var chosen = new List<LabelledQuestion>();
        foreach (var label in Enum.GetValues<Intent>())
        {
            var topics = questions
                .Where(q => q.Intent == label && q.Topic is { Length: > 0 } topic && topic is not ("earlier-set" or "templated"))
                .GroupBy(q => q.Topic, StringComparer.Ordinal)
                .OrderByDescending(g => g.Count())
                .ThenBy(g => g.Key, StringComparer.Ordinal)
                .Take(PerLabel)
                .ToList();
            for (var i = 0; i < topics.Count; i++)
            {
                var lang = i % 2 == 0 ? "en" : "zh";
                var pool = topics[i].Where(q => q.Lang == lang).ToList() is { Count: > 0 } inLang ? inLang : [.. topics[i]];
                var ordered = pool.OrderBy(q => q.Text.Length).ThenBy(q => q.Text, StringComparer.Ordinal).ToList();
                chosen.Add(ordered[ordered.Count / 2]);
            }
        }

        return chosen;
    }
}
