namespace ChatOps.LarkBotAdapter.Replies;

/// <summary>
/// The line ends of the stream in order, each with the cut it offers. Breaks at or before the cutter's head can no
/// longer be cut at: they stay until enough pile up to drop them in one move, so pruning costs linear time.
/// </summary>
internal sealed class LineBreakIndex
{
    private readonly List<LineBreak> _breaks = [];

    /// <summary>Index of the first break after the head.</summary>
    public int FirstLive { get; private set; }

    public int Count => _breaks.Count;

    /// <summary>Offset of the last paragraph end seen, -1 before the first.</summary>
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

    /// <summary>Upgrades the line end at <paramref name="position"/>, if it is the last break, to a paragraph end.</summary>
    public void MarkParagraphAt(int position)
    {
        if (_breaks.Count > FirstLive && _breaks[^1] is { Kind: BreakKind.Line } previous && previous.Position == position)
        {
            _breaks[^1] = previous with { Kind = BreakKind.Paragraph };
            LastParagraph = position;
        }
    }

    /// <summary>Index of the last live break at or before <paramref name="position"/>; FirstLive - 1 when there is none.</summary>
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

    /// <summary>Retires the breaks at or before <paramref name="head"/>.</summary>
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
