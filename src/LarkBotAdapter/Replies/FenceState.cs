namespace ChatOps.LarkBotAdapter.Replies;

/// <summary>Which fenced code block the stream is in, line by line, and what each line end offers as a cut.</summary>
internal sealed class FenceState
{
    /// <summary>The fence open after the last complete line, or null outside code.</summary>
    public CodeFence? Open { get; private set; }

    /// <summary>Whether the open fence has a non-blank line yet: cutting before any code would send an empty block.</summary>
    public bool HasContent { get; private set; }

    /// <summary>Longest opener seen: every segment keeps room to close a fence this long.</summary>
    public int Longest { get; private set; }

    /// <summary>Moves past one complete line and returns its line end. <paramref name="known"/> is false for a line too
    /// long (or no longer held) to be a delimiter; <paramref name="closed"/> is the fence this line closed, if any.</summary>
    public LineBreak Track(ReadOnlySpan<char> line, bool known, int after, out CodeFence? closed)
    {
        closed = null;
        var blank = known && line.IsWhiteSpace();
        if (Open is null)
        {
            var opener = known ? CodeFence.TryParseOpener(line) : null;
            if (opener is null)
            {
                return new LineBreak(after, blank ? BreakKind.Paragraph : BreakKind.Line, null, false);
            }

            Open = opener;
            HasContent = false;
            Longest = Math.Max(Longest, opener.Length);
            return new LineBreak(after, BreakKind.None, opener, true);
        }

        if (known && Open.IsClosedBy(line))
        {
            closed = Open;
            Open = null;
            return new LineBreak(after, BreakKind.Paragraph, null, true);
        }

        HasContent |= !blank;
        return new LineBreak(after, HasContent ? BreakKind.FenceLine : BreakKind.None, Open, false);
    }
}
