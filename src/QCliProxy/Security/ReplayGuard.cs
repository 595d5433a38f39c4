using System.Collections.Concurrent;
using ChatOps.Contracts;

namespace ChatOps.QCliProxy.Security;

// Remembers each accepted signature for the signature window, so a captured request cannot be sent again while its
// timestamp is still fresh. Only authentic requests are recorded, so the set is as large as the real traffic in
// QCliProtocol.SignatureWindow; expired entries are swept as new ones arrive.
internal sealed class ReplayGuard(TimeProvider time)
{
    private const int SweepEvery = 256;

    private readonly ConcurrentDictionary<string, DateTimeOffset> _seen = new(StringComparer.Ordinal);
    private int _added;

    public int Count => _seen.Count;

    // True the first time a signature is offered within its window, false for every repeat.
    public bool TryRecord(string signature)
    {
        var now = time.GetUtcNow();
        if (Interlocked.Increment(ref _added) % SweepEvery == 0)
        {
            Sweep(now);
        }

        // Kept for twice the window: a timestamp may be up to one window in the future as well as in the past.
        var expires = now + (2 * QCliProtocol.SignatureWindow);
        if (_seen.TryAdd(signature, expires))
        {
            return true;
        }

        if (_seen.TryGetValue(signature, out var until) && until <= now && _seen.TryUpdate(signature, expires, until))
        {
            return true;
        }

        return false;
    }

    private void Sweep(DateTimeOffset now)
    {
        foreach (var (signature, until) in _seen)
        {
            if (until <= now)
            {
                _seen.TryRemove(new KeyValuePair<string, DateTimeOffset>(signature, until));
            }
        }
    }
}
