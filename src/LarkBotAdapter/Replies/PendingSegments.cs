namespace ChatOps.LarkBotAdapter.Replies;

// The text a Segmenter holds between reads: the cutter finds where segments end, the sequencer numbers them and
// keeps the last one back so that exactly one segment is final. Each step returns the segments that may go out now.
internal sealed class PendingSegments(SegmenterOptions options)
{
    private readonly SegmentCutter _cutter = new(options);
    private readonly SegmentSequencer _sequencer = new();
    private readonly List<Segment> _output = [];
    private readonly List<string> _texts = [];

    // True while any text waits: held back by the sequencer or not yet cut.
    public bool HasText => _sequencer.HasHeld || _cutter.HasContent;

    // The source was quiet for the quiet period: cut what is there at the best boundary. When nothing stays pending,
    // the last piece is held back so the final segment still has text.
    public Segment[] CutQuiet()
    {
        _cutter.TakeQuiet(_texts);
        Push();
        if (_cutter.HasContent)
        {
            _sequencer.Release(_output);
        }
        else
        {
            _sequencer.ReleaseAllButTail(_output);
        }
        return Drain();
    }

    public Segment[] Add(string chunk)
    {
        _cutter.Append(chunk);
        _cutter.TakeReady(_texts);
        Push();
        if (_cutter.HasContent)
        {
            _sequencer.Release(_output);
        }
        return Drain();
    }

    // The source ended (or failed: then no segment is final).
    public Segment[] End(bool failed)
    {
        _cutter.TakeAll(_texts);
        Push();
        if (failed)
        {
            _sequencer.Release(_output);
        }
        else
        {
            _sequencer.Finish(_output);
        }
        return Drain();
    }

    private void Push()
    {
        foreach (var text in _texts)
        {
            _sequencer.Push(text, _output);
        }
        _texts.Clear();
    }

    private Segment[] Drain()
    {
        var segments = _output.ToArray();
        _output.Clear();
        return segments;
    }
}
