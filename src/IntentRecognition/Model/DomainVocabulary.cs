using System.Text.RegularExpressions;
using ChatOps.IntentRecognition.Local;

namespace ChatOps.IntentRecognition.Model;

/// <summary>The words the team's own questions use: every English word of three letters or more and every pair of
/// adjacent Chinese characters in the <c>knowledge_base</c> and <c>aws_ops</c> questions the model was trained on.
/// A sentence whose ops word is an everyday one ("deploy", "role", "报警") and whose other words are mostly not of
/// this vocabulary ("troops", "D-Day", "烟雾") is about another domain; the model, which gives unseen words no
/// weight at all, cannot see that. Names with a digit, hyphen, dot or underscore (<c>ng-spot-1</c>, <c>t3.micro</c>)
/// are something operated, never foreign.</summary>
internal sealed partial class DomainVocabulary
{
    private readonly HashSet<string> words;

    private DomainVocabulary(HashSet<string> words) => this.words = words;

    /// <summary>The vocabulary of the questions that are not <see cref="Intent.OffTopic"/>.</summary>
    public static DomainVocabulary From(IEnumerable<LabelledQuestion> questions)
    {
        var words = new HashSet<string>(CommonWords.English, StringComparer.Ordinal);
        foreach (var question in questions.Where(q => q.Intent != Intent.OffTopic))
        {
            words.UnionWith(Words(CueMatcher.Normalise(question.Text)));
        }

        // The ops and documentation cues are the team's words too, seen in training or not.
        foreach (var group in EnglishLexicon.Groups.Concat(ChineseLexicon.Groups).Where(g => g.Kind != CueKind.OffTopic))
        {
            words.UnionWith(group.Phrases.SelectMany(phrase => Words(phrase.TrimEnd('*'))));
        }

        return new DomainVocabulary(words);
    }

    /// <summary>How much of <paramref name="normalised"/> text is outside the vocabulary and <paramref name="alsoKnown"/>
    /// (the operator's knowledge summary and profile names).</summary>
    public Foreignness Measure(string normalised, IReadOnlySet<string> alsoKnown)
    {
        int latin = 0, foreignLatin = 0, pairs = 0, foreignPairs = 0;
        foreach (var word in Words(normalised))
        {
            var foreign = !Known(word, words) && !Known(word, alsoKnown);
            if (CueMatcher.IsCjk(word[0]))
            {
                pairs++;
                foreignPairs += foreign ? 1 : 0;
            }
            else if (!CommonWords.English.Contains(word))
            {
                latin++;
                foreignLatin += foreign ? 1 : 0;
            }
        }

        return new Foreignness(latin, foreignLatin, pairs, foreignPairs);
    }

    // A word or its stem without a plural or tense ending ("balancers", "paged", "restoring").
    private static bool Known(string word, IReadOnlySet<string> known) =>
        known.Contains(word)
        || (word.Length > 4 && word[^1] == 's' && (known.Contains(word[..^1]) || (word.EndsWith("es", StringComparison.Ordinal) && known.Contains(word[..^2]))))
        || (word.Length > 5 && word.EndsWith("ed", StringComparison.Ordinal) && (known.Contains(word[..^2]) || known.Contains(word[..^1])))
        || (word.Length > 6 && word.EndsWith("ing", StringComparison.Ordinal) && (known.Contains(word[..^3]) || known.Contains(word[..^3] + "e")));

    /// <summary>The English words (three letters or more, not names) and Chinese character pairs of normalised text.</summary>
    public static IEnumerable<string> Words(string normalised)
    {
        foreach (Match token in Token().Matches(normalised))
        {
            var word = token.Value.Trim('\'', '-', '.', '_');
            if (word.Length >= 3 && word.All(char.IsAsciiLetterLower) || word.Length >= 4 && IsPossessive(word))
            {
                yield return IsPossessive(word) ? word[..^2] : word;
            }
        }

        foreach (Match run in CjkRun().Matches(normalised))
        {
            for (var i = 0; i + 1 < run.Length; i++)
            {
                yield return run.Value.Substring(i, 2);
            }
        }
    }

    private static bool IsPossessive(string word) => word.EndsWith("'s", StringComparison.Ordinal) && word[..^2].All(char.IsAsciiLetterLower);

    [GeneratedRegex(@"[a-z0-9][a-z0-9'\-_.]*", RegexOptions.CultureInvariant)]
    private static partial Regex Token();

    [GeneratedRegex(@"[\u4e00-\u9fff\u3400-\u4dbf]{2,}", RegexOptions.CultureInvariant)]
    private static partial Regex CjkRun();
}
