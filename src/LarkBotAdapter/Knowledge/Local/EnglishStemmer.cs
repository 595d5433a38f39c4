namespace ChatOps.LarkBotAdapter.Knowledge.Local;

// A deliberately small suffix stripper: plurals, -ing/-ed, -ation/-ate and a final e, so "scaling", "scaled"
// and "scale", or "escalate" and "escalation", meet. Not Porter: predictable beats clever for short ops texts.
internal static class EnglishStemmer
{
    public static string Stem(string word)
    {
        if (word.Length <= 3 || !IsAsciiLetters(word))
        {
            return word;
        }
        var w = StripPlural(word);
        var verb = false;
        if (w.Length > 5 && w.EndsWith("ing", StringComparison.Ordinal))
        {
            w = UndoDoubling(w[..^3]);
            verb = true;
        }
        else if (w.Length > 4 && w.EndsWith("ed", StringComparison.Ordinal) && !w.EndsWith("eed", StringComparison.Ordinal))
        {
            w = UndoDoubling(w[..^2]);
            verb = true;
        }
        if (w.Length > 7 && w.EndsWith("ation", StringComparison.Ordinal))
        {
            w = w[..^5];
        }
        else if (w.Length > 6 && w.EndsWith("ate", StringComparison.Ordinal))
        {
            w = w[..^3];
        }
        else if (verb && w.Length > 5 && w.EndsWith("at", StringComparison.Ordinal))
        {
            w = w[..^2];
        }
        if (w.Length > 3 && w[^1] == 'e')
        {
            w = w[..^1];
        }
        return w;
    }

    private static string StripPlural(string w)
    {
        if (w.EndsWith("ies", StringComparison.Ordinal) && w.Length > 4)
        {
            return w[..^3] + "y";
        }
        if (w.EndsWith("sses", StringComparison.Ordinal) || w.EndsWith("shes", StringComparison.Ordinal)
            || w.EndsWith("ches", StringComparison.Ordinal) || w.EndsWith("xes", StringComparison.Ordinal))
        {
            return w[..^2];
        }
        if (w[^1] == 's' && w[^2] is not ('s' or 'u' or 'i'))
        {
            return w[..^1];
        }
        return w;
    }

    // "lagged" → "lagg" → "lag"; l, s and z stay doubled ("rolled" → "roll", "passed" → "pass").
    private static string UndoDoubling(string w) =>
        w.Length > 3 && w[^1] == w[^2] && w[^1] is not ('l' or 's' or 'z') && !IsVowel(w[^1]) ? w[..^1] : w;

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';

    private static bool IsAsciiLetters(string w)
    {
        foreach (var c in w)
        {
            if (c is < 'a' or > 'z')
            {
                return false;
            }
        }
        return true;
    }
}
