namespace ChatOps.LarkBotAdapter.Knowledge.Local;

// Terms for ranking: English words lower-cased, stop words dropped and lightly stemmed; Chinese as single
// characters plus overlapping character pairs (no dictionary needed, and pairs carry most word meaning).
public static class KnowledgeTokenizer
{
    // The terms of text, in order, repeats kept.
    public static List<string> Tokenize(string text)
    {
        var terms = new List<string>();
        Tokenize(text, terms);
        return terms;
    }

    // Appends the terms of text to into.
    public static void Tokenize(ReadOnlySpan<char> text, List<string> into)
    {
        ArgumentNullException.ThrowIfNull(into);
        var i = 0;
        while (i < text.Length)
        {
            var start = i;
            if (IsCjk(text[i]))
            {
                while (i < text.Length && IsCjk(text[i]))
                {
                    i++;
                }
                AddCjk(text[start..i], into);
            }
            else if (char.IsLetterOrDigit(text[i]))
            {
                while (i < text.Length && char.IsLetterOrDigit(text[i]) && !IsCjk(text[i]))
                {
                    i++;
                }
                AddWord(text[start..i], into);
            }
            else
            {
                i++;
            }
        }
    }

    // True for a single CJK ideograph term (weighted lower in queries).
    public static bool IsCjkUnigram(string term) => term.Length == 1 && IsCjk(term[0]);

    // CJK Unified Ideographs and Extension A.
    public static bool IsCjk(char c) => c is (>= '\u4e00' and <= '\u9fff') or (>= '\u3400' and <= '\u4dbf');

    private static void AddCjk(ReadOnlySpan<char> run, List<string> into)
    {
        for (var i = 0; i < run.Length; i++)
        {
            var stop = StopWords.IsChineseStop(run[i]);
            if (!stop)
            {
                into.Add(run[i].ToString());
            }
            // Pairs across a particle (的, 了, 吗 …) join two words by accident, so they are left out.
            if (i + 1 < run.Length && !stop && !StopWords.IsChineseStop(run[i + 1]))
            {
                var pair = new string(run.Slice(i, 2));
                if (!StopWords.IsChineseStopPair(pair))
                {
                    into.Add(pair);
                }
            }
        }
    }

    private static void AddWord(ReadOnlySpan<char> word, List<string> into)
    {
        if (word.Length < 2 || word.Length > 40)
        {
            return;
        }
        Span<char> lower = stackalloc char[word.Length];
        word.ToLowerInvariant(lower);
        var text = new string(lower);
        if (StopWords.IsEnglishStop(text))
        {
            return;
        }
        into.Add(EnglishStemmer.Stem(text));
    }
}
