namespace ChatOps.LarkBotAdapter.Replies;

// The live tail of an answer stream, addressed by stream offset. Text before Base is dropped when room
// is needed, so memory follows the pending text rather than the whole answer.
internal sealed class CharWindow
{
    private char[] _buffer = new char[512]; // grows by doubling; most answers are short

    // Stream offset of the first character still held.
    public int Base { get; private set; }

    // Stream offset just past the last character received.
    public int End { get; private set; }

    public char this[int offset] => _buffer[offset - Base];

    public bool Holds(int offset) => offset >= Base;

    public ReadOnlySpan<char> Span(int from, int to) => _buffer.AsSpan(from - Base, to - from);

    // Appends chunk; if room is needed, text before keepFrom is dropped.
    public void Append(string chunk, int keepFrom)
    {
        EnsureCapacity(chunk.Length, keepFrom);
        chunk.CopyTo(_buffer.AsSpan(End - Base));
        End += chunk.Length;
    }

    private void EnsureCapacity(int extra, int keepFrom)
    {
        if (End - Base + extra <= _buffer.Length)
        {
            return;
        }

        var live = End - keepFrom;
        var target = _buffer;
        if (live + extra > _buffer.Length / 2)
        {
            target = new char[Math.Max(_buffer.Length * 2, (live + extra) * 2)];
        }

        Array.Copy(_buffer, keepFrom - Base, target, 0, live);
        _buffer = target;
        Base = keepFrom;
    }
}
