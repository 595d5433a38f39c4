using System.Collections.Concurrent;

namespace ChatOps.LarkBotAdapter.ProxyClient;

// When this process last signed an execute request per proposal. A request that reached the proxy spent its
// signature there (the proxy's replay guard refuses the same timestamp and body twice) and a signature's timestamp is
// in whole seconds, so a retry of a proposal, by the same call or by its job run again, waits for a later second.
// One per process (a singleton): the proxy client itself is a transient typed HttpClient.
internal sealed class ExecuteSignatures
{
    private readonly ConcurrentDictionary<string, long> _lastSecond = new(StringComparer.Ordinal);

    // Returns once the current second is later than any execute of proposalId signed before, and records it.
    public async Task WaitForUnspentSecondAsync(string proposalId, TimeProvider time, CancellationToken cancellationToken)
    {
        while (true)
        {
            var now = time.GetUtcNow();
            var second = now.ToUnixTimeSeconds();
            foreach (var entry in _lastSecond)
            {
                if (entry.Value < second - 5)
                {
                    _lastSecond.TryRemove(entry);
                }
            }
            var last = _lastSecond.GetOrAdd(proposalId, long.MinValue);
            if (second > last)
            {
                if (_lastSecond.TryUpdate(proposalId, second, last))
                {
                    return;
                }
                continue;
            }
            await Task.Delay(DateTimeOffset.FromUnixTimeSeconds(last + 1) - now, time, cancellationToken);
        }
    }
}
