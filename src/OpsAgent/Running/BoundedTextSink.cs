using System.Text;
using ChatOps.OpsAgent.Output;

namespace ChatOps.OpsAgent.Running;

// Drains a child's streams so it never blocks on them, keeping only the first (Head) or the last (Tail) bytes of
// everything drained into it, in the order they arrived. Several streams may drain into one sink at once.
internal sealed class BoundedTextSink
{
    private readonly object _gate = new();
    private readonly List<byte> _kept = [];
    private readonly int _limit;
    private readonly bool _keepLast;

    private BoundedTextSink(int limit, bool keepLast)
    {
        _limit = limit;
        _keepLast = keepLast;
    }

    public static BoundedTextSink Head(int limit) => new(limit, keepLast: false);

    public static BoundedTextSink Tail(int limit) => new(limit, keepLast: true);

    public async Task DrainAsync(Stream stream)
    {
        var buffer = new byte[4096];
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer)) > 0)
            {
                Keep(buffer.AsSpan(0, read));
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            // The child was killed or disposed; what was kept is enough.
        }
    }

    // What was kept, as UTF-8 text.
    public string Raw()
    {
        lock (_gate)
        {
            return Encoding.UTF8.GetString(_kept.ToArray());
        }
    }

    // What was kept, cleaned of terminal escapes and trimmed.
    public string Text()
    {
        var filter = new TerminalTextFilter();
        filter.Append(Raw());
        return filter.Finish().Trim();
    }

    private void Keep(ReadOnlySpan<byte> bytes)
    {
        lock (_gate)
        {
            if (_keepLast)
            {
                _kept.AddRange(bytes);
                if (_kept.Count > _limit)
                {
                    _kept.RemoveRange(0, _kept.Count - _limit);
                }
            }
            else if (_limit - _kept.Count is > 0 and var room)
            {
                _kept.AddRange(bytes[..Math.Min(room, bytes.Length)]);
            }
        }
    }
}
