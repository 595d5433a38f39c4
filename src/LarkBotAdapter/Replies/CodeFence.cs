namespace ChatOps.LarkBotAdapter.Replies;

// An open fenced code block: its marker (` or ~), delimiter length and the line that re-opens it.
internal sealed record CodeFence(char Marker, int Length, string Opener)
{
    // Long info strings are cut so a re-opened fence never eats a segment's budget.
    private const int MaxInfoLength = 32;

    public string Closer => new(Marker, Length);

    // Parses a fence opener line (any indentation, LLM output nests fences in list items).
    public static CodeFence? TryParseOpener(ReadOnlySpan<char> line)
    {
        var trimmed = line.Trim();
        if (trimmed.Length < 3 || (trimmed[0] != '`' && trimmed[0] != '~'))
        {
            return null;
        }

        var marker = trimmed[0];
        var length = 0;
        while (length < trimmed.Length && trimmed[length] == marker)
        {
            length++;
        }

        if (length < 3)
        {
            return null;
        }

        var info = trimmed[length..].Trim();
        if (marker == '`' && info.Contains('`'))
        {
            return null;
        }

        var firstWord = info.IndexOfAny(' ', '\t') is var space and >= 0 ? info[..space] : info;
        if (firstWord.Length > MaxInfoLength)
        {
            firstWord = firstWord[..MaxInfoLength];
        }

        return new CodeFence(marker, length, new string(marker, length) + firstWord.ToString());
    }

    // True when the line closes this fence: only the marker, at least as long as the opener.
    public bool IsClosedBy(ReadOnlySpan<char> line)
    {
        var trimmed = line.Trim();
        if (trimmed.Length < Length)
        {
            return false;
        }

        foreach (var c in trimmed)
        {
            if (c != Marker)
            {
                return false;
            }
        }

        return true;
    }

    // True when an unfinished line could still become a closer of this fence.
    public bool CouldBeClosedBy(ReadOnlySpan<char> partialLine)
    {
        foreach (var c in partialLine.Trim())
        {
            if (c != Marker)
            {
                return false;
            }
        }

        return true;
    }
}
