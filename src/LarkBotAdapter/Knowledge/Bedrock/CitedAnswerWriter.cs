using System.Text;
using ChatOps.LarkBotAdapter.Replies;

namespace ChatOps.LarkBotAdapter.Knowledge.Bedrock;

// Turns output and citation events into the text to show: the answer with [n] markers at the end of each
// cited span, then a numbered Sources list. Text is passed on as it arrives; only trailing whitespace is held back, so
// a marker for the text just received lands before the space or line break that follows it. Bedrock sends a citation
// after the text it cites, so its span end is usually the current end (marker now); a span ending further ahead is
// marked when the text reaches it; a span ending earlier than the text already shown is marked at the current end.
// A marker never goes inside code or on a fence line (MarkerPlacement): it waits for the block to close.
internal sealed class CitedAnswerWriter(bool chinese)
{
    private readonly StringBuilder _generated = new();
    private readonly List<(int Position, string Marker)> _pending = [];
    private readonly KnowledgeSources _sources = new();
    private int _emitted;

    // Whether any answer text has arrived.
    public bool HasText { get; private set; }

    // How many distinct sources were cited.
    public int SourceCount => _sources.Count;

    // What to show now for a piece of the answer.
    public string Output(string text)
    {
        _generated.Append(text);
        HasText |= !string.IsNullOrWhiteSpace(text);
        return Emit(ShowableEnd());
    }

    // What to show now for a citation: its marker, or nothing when the cited text is still ahead.
    public string Cite(KnowledgeCitation citation)
    {
        var marker = Marker(citation);
        if (marker.Length == 0)
        {
            return string.Empty;
        }
        // No span: it cites what came so far; before any text (a whole answer lists citations first) it goes at the end.
        var position = citation.EndExclusive ?? (_generated.Length > 0 ? _generated.Length : int.MaxValue);
        _pending.Add((position, marker));
        // When the text up to the span end has arrived and all but trailing whitespace is shown, the marker goes here
        // (or after the code around it).
        return position > _generated.Length ? string.Empty : Emit(ShowableEnd());
    }

    // What closes a code block the shown text left open, for a message that replaces the rest of the answer.
    public string CloseOpenBlock() =>
        FenceScan.CloserAtEnd(_generated.ToString(0, _emitted)) is { } closer ? "\n" + closer : string.Empty;

    // The rest: markers whose text never came, then the Sources list (only when there is an answer).
    public string Finish()
    {
        // A block the answer left open is closed, so neither its markers nor the Sources list render as code.
        if (HasText && FenceScan.CloserAtEnd(_generated.ToString()) is { } closer)
        {
            _generated.Append(_generated[^1] == '\n' ? "" : "\n").Append(closer);
        }
        // Markers whose text never came go at the end, in span order.
        var ordered = HasText ? _pending.OrderBy(p => p.Position).Select(p => (Math.Min(p.Position, _generated.Length), p.Marker)).ToList() : [];
        _pending.Clear();
        _pending.AddRange(ordered);
        var rest = new StringBuilder(Emit(ShowableEnd(), complete: true));
        foreach (var (_, marker) in _pending)
        {
            rest.Append(marker);
        }
        _pending.Clear();
        var sources = _sources.Render(chinese);
        if (HasText && sources.Length > 0)
        {
            rest.Append("\n\n").Append(sources);
        }
        return rest.ToString();
    }

    private string Marker(KnowledgeCitation citation)
    {
        var numbers = citation.References.Select(_sources.Number).OfType<int>().Distinct();
        return string.Concat(numbers.Select(n => $"[{n}]"));
    }

    // Everything but trailing whitespace and a dangling high surrogate.
    private int ShowableEnd()
    {
        var end = _generated.Length;
        while (end > _emitted && char.IsWhiteSpace(_generated[end - 1]))
        {
            end--;
        }
        if (end > _emitted && char.IsHighSurrogate(_generated[end - 1]))
        {
            end--;
        }
        return end;
    }

    private string Emit(int end, bool complete = false)
    {
        var due = new List<(int Index, bool OwnLine, string Marker)>();
        if (_pending.Exists(p => p.Position <= _generated.Length))
        {
            var generated = _generated.ToString();
            var kept = new List<(int Position, string Marker)>();
            foreach (var (position, marker) in _pending)
            {
                var spot = position <= generated.Length ? MarkerPlacement.Find(generated, Snap(position, end), complete) : null;
                if (spot is { } place && place.Index <= end)
                {
                    due.Add((place.Index, place.OwnLine, marker));
                }
                else
                {
                    kept.Add((position, marker));
                }
            }
            _pending.Clear();
            _pending.AddRange(kept);
        }
        var text = new StringBuilder();
        var cursor = _emitted;
        foreach (var spot in due.GroupBy(p => p.Index).OrderBy(g => g.Key))
        {
            text.Append(_generated, cursor, spot.Key - cursor);
            if (spot.Any(p => p.OwnLine))
            {
                text.Append('\n');
            }
            foreach (var (_, _, marker) in spot)
            {
                text.Append(marker);
            }
            cursor = spot.Key;
        }
        text.Append(_generated, cursor, end - cursor);
        _emitted = end;
        return text.ToString();
    }

    // Before trailing whitespace, never inside a surrogate pair, never before what is already shown.
    private int Snap(int position, int end)
    {
        while (position > _emitted && char.IsWhiteSpace(_generated[position - 1]))
        {
            position--;
        }
        if (position < _generated.Length && position > 0 && char.IsLowSurrogate(_generated[position]))
        {
            position++;
        }
        return Math.Clamp(position, _emitted, end);
    }
}
