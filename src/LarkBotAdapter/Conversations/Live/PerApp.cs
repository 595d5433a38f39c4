using System.Collections.Concurrent;

namespace ChatOps.LarkBotAdapter.Conversations.Live;

// One T per app or workspace, made on first use: the pacing every live reply of an app shares (platforms count
// their rate limits per app or workspace).
public sealed class PerApp<T>(Func<T> create)
    where T : class
{
    private readonly ConcurrentDictionary<string, T> _items = new(StringComparer.Ordinal);

    public T For(string appId) => _items.GetOrAdd(appId, _ => create());
}
