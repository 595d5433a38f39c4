namespace ChatOps.LarkBotAdapter.Replies;

// The line ends of the stream in order, each with the cut it offers. Breaks at or before the cutter's head can no
// longer be cut at: they stay until enough pile up to drop them in one move, so pruning costs linear time.
internal sealed class LineBreakIndex
{
    private readonly List<LineBreak> _breaks = [];

    // Index of the first break after the head.
    public int FirstLive { get; private set; }

    public int Count => _breaks.Count;

    // Offset of the last paragraph end seen, -1 before the first.
    public int LastParagraph { get; private set; } = -1;

    public LineBreak this[int index] => _breaks[index];

    public void Add(LineBreak lineBreak)
    {
        _breaks.Add(lineBreak);
        if (lineBreak.Kind == BreakKind.Paragraph)
        {
            LastParagraph = lineBreak.Position;
        }
    }

    // Upgrades the line end at position, if it is the last break, to a paragraph end.
    public void MarkParagraphAt(int position)
    {
        if (_breaks.Count > FirstLive && _breaks[^1] is { Kind: BreakKind.Line } previous && previous.Position == position)
        {
            _breaks[^1] = previous with { Kind = BreakKind.Paragraph };
            LastParagraph = position;
        }
    }

    // Index of the last live break at or before position; FirstLive - 1 when there is none.
    public int LastAtOrBefore(int position)
    {
        int low = FirstLive, high = _breaks.Count - 1, found = FirstLive - 1;
        while (low <= high)
        {
            var middle = low + ((high - low) / 2);
            if (_breaks[middle].Position <= position)
            {
                found = middle;
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return found;
    }

    // Retires the breaks at or before head.
    public void Prune(int head)
    {
        while (FirstLive < _breaks.Count && _breaks[FirstLive].Position <= head)
        {
            FirstLive++;
        }

        if (FirstLive > 256 && FirstLive > _breaks.Count / 2)
        {
            _breaks.RemoveRange(0, FirstLive);
            FirstLive = 0;
        }
    }
}
