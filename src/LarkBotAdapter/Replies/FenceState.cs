namespace ChatOps.LarkBotAdapter.Replies;

// Which fenced code block the stream is in, line by line, and what each line end offers as a cut.
internal sealed class FenceState
{
    // The fence open after the last complete line, or null outside code.
    public CodeFence? Open { get; private set; }

    // Whether the open fence has a non-blank line yet: cutting before any code would send an empty block.
    public bool HasContent { get; private set; }

    // Longest opener seen: every segment keeps room to close a fence this long.
    public int Longest { get; private set; }

    // Moves past one complete line and returns its line end. known is false for a line too
    // long (or no longer held) to be a delimiter; closed is the fence this line closed, if any.
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
