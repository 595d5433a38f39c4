using System.Text;
using System.Text.RegularExpressions;

namespace ChatOps.IntentRecognition.Local;

/// <summary>Finds cues in a message. Overlapping phrase matches are resolved longest first, so each
/// piece of text is evidence once; pattern cues are scored on top.</summary>
internal sealed class CueMatcher
{
    private static readonly TimeSpan RegexTimeout = TimeSpan.FromMilliseconds(200);

    private readonly List<Phrase> phrases = [];
    private readonly List<(PatternCue Cue, Regex Regex)> patterns = [];

    public CueMatcher(IEnumerable<CueGroup> groups, IEnumerable<PatternCue> patternCues)
    {
        foreach (var group in groups)
        {
            foreach (var text in group.Phrases)
            {
                phrases.Add(new Phrase(text, group.Kind, group.Weight, ContainsCjk(text) ? null : WordRegex(text)));
            }
        }

        foreach (var cue in patternCues)
        {
            patterns.Add((cue, new Regex(cue.Pattern, RegexOptions.CultureInvariant, RegexTimeout)));
        }
    }

    public static string Normalise(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            // Full-width ASCII (common in Chinese input) becomes plain ASCII; curly quotes become straight.
            var plain = c is >= '\uFF01' and <= '\uFF5E' ? (char)(c - 0xFEE0) : c is '\u2019' or '\u2018' ? '\'' : c;
            builder.Append(char.ToLowerInvariant(plain == '\u3000' ? ' ' : plain));
        }

        return builder.ToString();
    }

    public static bool ContainsCjk(string text) => text.Any(IsCjk);

    public static bool IsCjk(char c) => c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF';

    /// <summary>Matches in <paramref name="normalised"/> text (see <see cref="Normalise"/>).</summary>
    public IReadOnlyList<CueHit> Match(string normalised)
    {
        var candidates = new List<(int Start, int Length, Phrase Phrase)>();
        foreach (var phrase in phrases)
        {
            if (phrase.Regex is null)
            {
                for (var i = normalised.IndexOf(phrase.Text, StringComparison.Ordinal); i >= 0;
                     i = normalised.IndexOf(phrase.Text, i + 1, StringComparison.Ordinal))
                {
                    candidates.Add((i, phrase.Text.Length, phrase));
                }
            }
            else
            {
                foreach (Match m in phrase.Regex.Matches(normalised))
                {
                    candidates.Add((m.Index, m.Length, phrase));
                }
            }
        }

        var taken = new bool[normalised.Length];
        var hits = new List<CueHit>();
        var seen = new HashSet<(string, CueKind)>();
        foreach (var (start, length, phrase) in candidates
                     .OrderByDescending(c => c.Length).ThenByDescending(c => c.Phrase.Weight).ThenBy(c => c.Start))
        {
            if (Enumerable.Range(start, length).Any(i => taken[i]))
            {
                continue;
            }

            for (var i = start; i < start + length; i++)
            {
                taken[i] = true;
            }

            // Repeating a word is not more evidence.
            if (seen.Add((phrase.Text, phrase.Kind)))
            {
                hits.Add(new CueHit(phrase.Kind, phrase.Weight, phrase.Text));
            }
        }

        foreach (var (cue, regex) in patterns)
        {
            if (regex.IsMatch(normalised))
            {
                hits.Add(new CueHit(cue.Kind, cue.Weight, cue.Name));
            }
        }

        return hits;
    }

    private static Regex WordRegex(string phrase)
    {
        var prefix = phrase.EndsWith('*');
        var words = phrase.TrimEnd('*').Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Regex.Escape);
        var ending = prefix ? @"[a-z0-9_\-]*" : "(?:s|es)?";
        var pattern = $@"(?<![a-z0-9_]){string.Join(@"\s+", words)}{ending}(?![a-z0-9_])";
        return new Regex(pattern, RegexOptions.CultureInvariant, RegexTimeout);
    }

    private sealed record Phrase(string Text, CueKind Kind, double Weight, Regex? Regex);
}
