namespace ChatOps.LarkBotAdapter.Replies;

// Follows the stream line by line as lines complete: records each line end (LineBreakIndex) and the
// fence state (FenceState), and answers which fence is open at a position.
internal sealed class LineTracker(CharWindow window, Action<CodeFence, int, int> fenceClosed)
{
    // Lines longer than this are never fence delimiters, so their text need not be kept for parsing.
    public const int MaxDelimiterLine = 1024;

    public LineBreakIndex Breaks { get; } = new();

    public FenceState Fences { get; } = new();

    // Stream offset where the unfinished line starts.
    public int LineStart { get; private set; }

    // Oldest offset the window must keep: the unfinished line while it may still be a fence delimiter.
    public int KeepFrom(int head) => window.End - LineStart > MaxDelimiterLine ? head : Math.Min(head, LineStart);

    // Processes the lines completed in text received from from on.
    public void Scan(int from)
    {
        var position = from;
        while (position < window.End)
        {
            var newline = window.Span(position, window.End).IndexOf('\n');
            if (newline < 0)
            {
                return;
            }

            var lineEnd = position + newline;
            ProcessLine(LineStart, lineEnd);
            position = lineEnd + 1;
            LineStart = position;
        }
    }

    // Fence open at the start of the line holding position (atHead when
    // that line starts at or before the head), and whether that line is a delimiter.
    public CodeFence? FenceAtLineOf(int position, CodeFence? atHead, out bool delimiterLine)
    {
        var previous = Breaks.LastAtOrBefore(position);
        var next = previous + 1;
        delimiterLine = next < Breaks.Count ? Breaks[next].EndsDelimiterLine : UnfinishedLineMayBeDelimiter();
        return previous >= Breaks.FirstLive ? Breaks[previous].After : atHead;
    }

    public bool UnfinishedLineMayBeDelimiter()
    {
        if (window.End - LineStart > MaxDelimiterLine || !window.Holds(LineStart))
        {
            return false;
        }

        var trimmed = window.Span(LineStart, window.End).TrimStart();
        return trimmed.StartsWith("```") || trimmed.StartsWith("~~~");
    }

    private void ProcessLine(int start, int newline)
    {
        var known = newline - start <= MaxDelimiterLine && window.Holds(start);
        var line = known ? window.Span(start, newline) : [];
        var lineBreak = Fences.Track(line, known, newline + 1, out var closed);
        if (lineBreak is { EndsDelimiterLine: true, After: not null })
        {
            // A fence opener starts a block, so the line end before it is as good as a paragraph end.
            Breaks.MarkParagraphAt(start);
        }

        Breaks.Add(lineBreak);
        if (closed is not null)
        {
            fenceClosed(closed, start, newline + 1);
        }
    }
}
