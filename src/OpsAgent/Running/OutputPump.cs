using System.Text;
using ChatOps.OpsAgent.Output;

namespace ChatOps.OpsAgent.Running;

// Reads stdout in whatever pieces arrive and hands on each piece of released text at once.
internal sealed class OutputPump(long maxBytes, Func<string, CancellationToken, ValueTask> onText)
{
    public long Bytes { get; private set; }

    // Returns True when the output cap was reached.
    public async Task<bool> RunAsync(Stream stdout, CancellationToken ct)
    {
        var bytes = new byte[16 * 1024];
        var chars = new char[Encoding.UTF8.GetMaxCharCount(bytes.Length)];
        var decoder = new UTF8Encoding(false).GetDecoder();
        var filter = new TerminalTextFilter();
        while (true)
        {
            // WaitAsync: a pipe read is not always cancellable, and a stray descendant may keep the pipe open.
            var read = await stdout.ReadAsync(bytes, ct).AsTask().WaitAsync(ct);
            var capped = Bytes + read > maxBytes;
            var take = capped ? (int)(maxBytes - Bytes) : read;
            Bytes += take;
            var count = decoder.GetChars(bytes, 0, take, chars, 0, flush: read == 0 || capped);
            filter.Append(chars.AsSpan(0, count));
            var text = read == 0 || capped ? filter.Finish() : filter.TakeReleased();
            if (text.Length > 0)
            {
                await onText(text, ct);
            }

            if (read == 0 || capped)
            {
                return capped;
            }
        }
    }
}
