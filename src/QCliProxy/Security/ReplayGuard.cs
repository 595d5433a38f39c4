using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using ChatOps.Contracts;

namespace ChatOps.QCliProxy.Security;

// Remembers each accepted request for the signature window, so a captured request cannot be sent again while its
// timestamp is still fresh. The key is what was signed, not how the signature was spelled: the timestamp's value and
// the SHA-256 of the body. A copy with upper-case hex, another signature version or a duplicated header is the same
// request (chat bodies name their conversation and prompt, execute bodies a hash that covers the proposal id, so two
// real requests never share both). Only authentic requests are recorded; expired entries are swept as new ones arrive.
internal sealed class ReplayGuard(TimeProvider time)
{
    private const int SweepEvery = 256;

    private readonly ConcurrentDictionary<string, DateTimeOffset> _seen = new(StringComparer.Ordinal);
    private int _added;

    public int Count => _seen.Count;

    // The canonical key of a request signed at unixSeconds with body.
    public static string Key(long unixSeconds, ReadOnlySpan<byte> body)
    {
        Span<byte> key = stackalloc byte[8 + 32];
        BinaryPrimitives.WriteInt64BigEndian(key, unixSeconds);
        SHA256.HashData(body, key[8..]);
        return Convert.ToHexStringLower(key);
    }

    // True the first time a key is offered within its window, false for every repeat.
    public bool TryRecord(string key)
    {
        var now = time.GetUtcNow();
        if (Interlocked.Increment(ref _added) % SweepEvery == 0)
        {
            Sweep(now);
        }

        // Kept for twice the window: a timestamp may be up to one window in the future as well as in the past.
        var expires = now + (2 * QCliProtocol.SignatureWindow);
        if (_seen.TryAdd(key, expires))
        {
            return true;
        }

        if (_seen.TryGetValue(key, out var until) && until <= now && _seen.TryUpdate(key, expires, until))
        {
            return true;
        }

        return false;
    }

    private void Sweep(DateTimeOffset now)
    {
        foreach (var (key, until) in _seen)
        {
            if (until <= now)
            {
                _seen.TryRemove(new KeyValuePair<string, DateTimeOffset>(key, until));
            }
        }
    }
}
