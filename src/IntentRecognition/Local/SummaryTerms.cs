using System.Text.RegularExpressions;

namespace ChatOps.IntentRecognition.Local;

/// <summary>Turns the knowledge summary (<c>KNOWLEDGE_SUMMARY</c>) into cues: its English words and
/// its Chinese phrases (whole, and as character pairs, since Chinese has no spaces).</summary>
internal static partial class SummaryTerms
{
    private static readonly HashSet<string> StopWords =
    [
        "and", "the", "for", "with", "our", "all", "from", "about", "into", "that", "this", "are", "how", "what",
        "team", "teams", "docs", "documents", "document", "etc", "other", "various", "including", "covers", "which",
    ];

    public static CueMatcher Build(string? summary, CueMatcher lexicon)
    {
        if (string.IsNullOrWhiteSpace(summary))
        {
            return new CueMatcher([], []);
        }

        var text = CueMatcher.Normalise(summary);
        var words = LatinWord().Matches(text).Select(m => m.Value.Trim('-', '.'))
            .Where(w => w.Length >= 3 && !StopWords.Contains(w) && !IsLiveOrChat(w, lexicon))
            .Select(w => w.EndsWith('s') && !w.EndsWith("ss", StringComparison.Ordinal) && w.Length > 4 ? w[..^1] : w)
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        var runs = CjkSeparator().Split(text).Where(r => r.Length >= 2 && !IsLiveOrChat(r, lexicon)).ToArray();
        var pairs = runs.Where(r => r.Length > 2)
            .SelectMany(r => Enumerable.Range(0, r.Length - 1).Select(i => r.Substring(i, 2)))
            .Where(p => !IsLiveOrChat(p, lexicon))
            .Except(runs)
            .Distinct(StringComparer.Ordinal)
            .ToArray();

        return new CueMatcher(
            [new CueGroup(CueKind.Docs, 1.5, [.. words, .. runs]), new CueGroup(CueKind.Docs, 0.5, pairs)],
            []);
    }

    // A summary word that is itself a live-state or chit-chat cue ("metrics", "cost") would mislead.
    private static bool IsLiveOrChat(string term, CueMatcher lexicon) =>
        lexicon.Match(term).Any(hit => hit.Kind is CueKind.Live or CueKind.OffTopic);

    [GeneratedRegex(@"[a-z0-9][a-z0-9\-\.]*[a-z0-9]")]
    private static partial Regex LatinWord();

    // Chinese runs end at anything not Chinese and at joining words, so each run is one topic.
    [GeneratedRegex(@"[^\u4E00-\u9FFF]+|[和与及、的]")]
    private static partial Regex CjkSeparator();
}
