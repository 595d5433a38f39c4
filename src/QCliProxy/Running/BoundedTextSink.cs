using System.Text;
using ChatOps.QCliProxy.Output;

namespace ChatOps.QCliProxy.Running;

// Drains a stream (stderr) so the child never blocks on it, keeping only the first bytes, cleaned of escapes.
internal sealed class BoundedTextSink(int limit)
{
    private readonly MemoryStream _kept = new();

    public async Task DrainAsync(Stream stream)
    {
        var buffer = new byte[4096];
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer)) > 0)
            {
                var room = limit - (int)_kept.Length;
                if (room > 0)
                {
                    _kept.Write(buffer, 0, Math.Min(room, read));
                }
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            // The child was killed or disposed; what was kept is enough.
        }
    }

    public string Text()
    {
        var filter = new TerminalTextFilter();
        filter.Append(Encoding.UTF8.GetString(_kept.GetBuffer(), 0, (int)_kept.Length));
        return filter.Finish().Trim();
    }
}
