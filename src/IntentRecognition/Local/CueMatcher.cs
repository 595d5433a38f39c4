using System.Text.RegularExpressions;

namespace ChatOps.IntentRecognition.Local;

/// <summary>Finds cues in a message. Overlapping phrase matches are resolved longest first, so each
/// piece of text is evidence once; pattern cues are scored on top.</summary>
internal sealed class CueMatcher
{
    private static readonly TimeSpan RegexTimeout = TimeSpan.FromMilliseconds(200);

    private readonly List<LatinPhrase> latinPhrases = [];
    private readonly List<Phrase> cjkPhrases = [];
    private readonly List<(PatternCue Cue, Regex Regex)> patterns = [];

    public CueMatcher(IEnumerable<CueGroup> groups, IEnumerable<PatternCue> patternCues)
    {
        var order = 0;
        foreach (var group in groups)
        {
            foreach (var text in group.Phrases)
            {
                if (ContainsCjk(text))
                {
                    cjkPhrases.Add(new Phrase(text, group.Kind, group.Weight, order++));
                }
                else
                {
                    latinPhrases.Add(new LatinPhrase(text, group.Kind, group.Weight, order++));
                }
            }
        }

        foreach (var cue in patternCues)
        {
            patterns.Add((cue, new Regex(cue.Pattern, RegexOptions.CultureInvariant, RegexTimeout)));
        }
    }

    public static string Normalise(string text) => string.Create(text.Length, text, static (normalised, source) =>
    {
        for (var i = 0; i < source.Length; i++)
        {
            // Full-width ASCII (common in Chinese input) becomes plain ASCII; curly quotes become straight.
            var c = source[i];
            var plain = c is >= '\uFF01' and <= '\uFF5E' ? (char)(c - 0xFEE0) : c is '\u2019' or '\u2018' ? '\'' : c;
            normalised[i] = char.ToLowerInvariant(plain == '\u3000' ? ' ' : plain);
        }
    });

    public static bool ContainsCjk(string text) =>
        text.AsSpan().ContainsAnyInRange('\u4E00', '\u9FFF') || text.AsSpan().ContainsAnyInRange('\u3400', '\u4DBF');

    public static bool IsCjk(char c) => c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF';

    /// <summary>Matches in <paramref name="normalised"/> text (see <see cref="Normalise"/>).</summary>
    public IReadOnlyList<CueHit> Match(string normalised)
    {
        var candidates = FindPhrases(normalised);
        var hits = candidates.Count == 0 ? [] : Resolve(normalised.Length, candidates);
        foreach (var (cue, regex) in patterns)
        {
            if (regex.IsMatch(normalised))
            {
                hits.Add(new CueHit(cue.Kind, cue.Weight, cue.Name));
            }
        }

        return hits;
    }

    private List<Candidate> FindPhrases(string normalised)
    {
        var candidates = new List<Candidate>();
        foreach (var phrase in latinPhrases)
        {
            // Every match contains the phrase's first word: most phrases are ruled out without running their regex.
            if (normalised.Contains(phrase.FirstWord, StringComparison.Ordinal))
            {
                foreach (var match in phrase.Regex.EnumerateMatches(normalised))
                {
                    candidates.Add(new Candidate(match.Index, match.Length, phrase));
                }
            }
        }

        if (ContainsCjk(normalised))
        {
            foreach (var phrase in cjkPhrases)
            {
                for (var i = normalised.IndexOf(phrase.Text, StringComparison.Ordinal); i >= 0;
                     i = normalised.IndexOf(phrase.Text, i + 1, StringComparison.Ordinal))
                {
                    candidates.Add(new Candidate(i, phrase.Text.Length, phrase));
                }
            }
        }

        return candidates;
    }

    // Longest first, then heaviest, then leftmost, then in lexicon order; a candidate overlapping a taken one is dropped.
    private static List<CueHit> Resolve(int textLength, List<Candidate> candidates)
    {
        candidates.Sort(static (a, b) =>
            a.Length != b.Length ? b.Length.CompareTo(a.Length)
            : a.Phrase.Weight != b.Phrase.Weight ? b.Phrase.Weight.CompareTo(a.Phrase.Weight)
            : a.Start != b.Start ? a.Start.CompareTo(b.Start)
            : a.Phrase.Order.CompareTo(b.Phrase.Order));

        var taken = new bool[textLength];
        var hits = new List<CueHit>();
        var seen = new HashSet<(string, CueKind)>();
        foreach (var (start, length, phrase) in candidates)
        {
            var span = taken.AsSpan(start, length);
            if (span.Contains(true))
            {
                continue;
            }

            span.Fill(true);

            // Repeating a word is not more evidence.
            if (seen.Add((phrase.Text, phrase.Kind)))
            {
                hits.Add(new CueHit(phrase.Kind, phrase.Weight, phrase.Text));
            }
        }

        return hits;
    }

    private readonly record struct Candidate(int Start, int Length, Phrase Phrase);

    /// <summary>A lexicon phrase and its position in the lexicon. Chinese phrases match as substrings.</summary>
    private record Phrase(string Text, CueKind Kind, double Weight, int Order);

    /// <summary>A phrase of whole words, with an optional plural; a trailing <c>*</c> matches any word ending.</summary>
    private sealed record LatinPhrase(string Text, CueKind Kind, double Weight, int Order) : Phrase(Text, Kind, Weight, Order)
    {
        public string FirstWord { get; } = Text.TrimEnd('*').Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";

        public Regex Regex { get; } = WordRegex(Text);
    }

    private static Regex WordRegex(string phrase)
    {
        var prefix = phrase.EndsWith('*');
        var words = phrase.TrimEnd('*').Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Regex.Escape);
        var ending = prefix ? @"[a-z0-9_\-]*" : "(?:s|es)?";
        var pattern = $@"(?<![a-z0-9_]){string.Join(@"\s+", words)}{ending}(?![a-z0-9_])";
        return new Regex(pattern, RegexOptions.CultureInvariant, RegexTimeout);
    }
}
