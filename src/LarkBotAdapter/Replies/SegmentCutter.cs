namespace ChatOps.LarkBotAdapter.Replies;

// Incremental cutter behind the Segmenter: receives text and cuts segments between the head (where the
// next segment starts) and the end of the stream. Positions are stream offsets; each character is scanned a bounded
// number of times, so long streams cost linear time.
internal sealed class SegmentCutter
{
    private readonly SegmenterOptions _options;
    private readonly CharWindow _window = new();
    private readonly LineTracker _lines;
    private readonly CutChooser _chooser;
    private int _head;
    private int _pendingBytes; // UTF-8 size of [head, end), checked against the byte cap
    private int _firstContent = -1; // first non-whitespace at or after the head; -1 while there is none
    private CodeFence? _carry; // fence open at the head: the next segment re-opens it

    public SegmentCutter(SegmenterOptions options)
    {
        _options = options;
        _lines = new LineTracker(_window, DropCloserOfReopenedFence);
        _chooser = new CutChooser(_window, _lines);
    }

    // True when pending text will produce a segment (a lone closer of a re-opened fence will not).
    public bool HasContent =>
        _firstContent >= 0
        && !(_carry is not null && _firstContent >= _lines.LineStart && _carry.CouldBeClosedBy(_window.Span(_firstContent, _window.End)));

    public void Append(string chunk)
    {
        var scanFrom = _window.End;
        _window.Append(chunk, _lines.KeepFrom(_head));
        foreach (var c in chunk)
        {
            _pendingBytes += TextBoundaries.Utf8Bytes(c);
        }

        if (_firstContent < 0)
        {
            FindFirstContent(scanFrom);
        }

        _lines.Scan(scanFrom);
    }

    // Cuts what must go (over the caps) and what may go (at least MinChars at a paragraph end).
    public void TakeReady(List<string> output)
    {
        while (true)
        {
            var paragraph = _lines.Breaks.LastParagraph;
            if (!PendingFits)
            {
                ForcedCut(output);
            }
            else if (paragraph > _head && paragraph - _head + PrefixChars >= _options.MinChars)
            {
                Cut(paragraph, output);
            }
            else
            {
                return;
            }
        }
    }

    // The stream went quiet: cut pending text at the best boundary available, even under MinChars.
    public void TakeQuiet(List<string> output)
    {
        TakeReady(output);
        if (!HasContent)
        {
            return;
        }

        var cut = _chooser.Quiet(_head, _carry);
        if (cut > _head)
        {
            Cut(cut, output);
        }
    }

    // The stream ended (or failed): everything pending goes, an unclosed fence is closed.
    public void TakeAll(List<string> output)
    {
        while (!PendingFits)
        {
            ForcedCut(output);
        }

        if (_window.End > _head)
        {
            Cut(_window.End, output);
        }
    }

    private int PrefixChars => _carry is null ? 0 : _carry.Opener.Length + 1;

    private int PrefixBytes => _carry is null ? 0 : TextBoundaries.Utf8Bytes(_carry.Opener) + 1;

    // Room to close the longest fence seen, which a cut inside code must append.
    private int Reserve => _lines.Fences.Longest == 0 ? 0 : _lines.Fences.Longest + 1;

    private int CharBudget => _options.MaxChars - PrefixChars - Reserve;

    private int ByteBudget => _options.MaxUtf8Bytes - PrefixBytes - Reserve;

    private bool PendingFits => _window.End - _head <= CharBudget && _pendingBytes <= ByteBudget;

    private void ForcedCut(List<string> output) => Cut(_chooser.Forced(_head, _carry, CharBudget, ByteBudget), output);

    private void Cut(int position, List<string> output)
    {
        var fenceAtCut = position == _window.End ? _lines.Fences.Open : _lines.FenceAtLineOf(position, _carry, out _);
        if (SegmentText.Build(_window.Span(_head, position), _carry, fenceAtCut) is { } text)
        {
            output.Add(text);
        }

        MoveHead(position, fenceAtCut);
    }

    // The previous segment already closed this fence; its real closer would open an empty block.
    private void DropCloserOfReopenedFence(CodeFence closed, int closerStart, int after)
    {
        if (ReferenceEquals(closed, _carry) && (_firstContent < 0 || _firstContent >= closerStart) && _head <= closerStart)
        {
            MoveHead(after, null);
        }
    }

    private void MoveHead(int position, CodeFence? carry)
    {
        _pendingBytes -= TextBoundaries.Utf8Bytes(_window.Span(_head, position));
        _head = position;
        _carry = carry;
        _lines.Breaks.Prune(_head);
        if (_firstContent < _head)
        {
            FindFirstContent(_head);
        }
    }

    private void FindFirstContent(int from)
    {
        for (var i = Math.Max(from, _head); i < _window.End; i++)
        {
            if (!char.IsWhiteSpace(_window[i]))
            {
                _firstContent = i;
                return;
            }
        }

        _firstContent = -1;
    }
}
