using System.Collections.Concurrent;

namespace ChatOps.LarkBotAdapter.Conversations.Live;

// The apps or workspaces that cannot have live replies: turned off by the first refusal that means so (a missing
// scope, an unknown method), for the life of the process; their answers go out as segmented posts.
public sealed class LiveAvailability
{
    private readonly ConcurrentDictionary<string, bool> _off = new(StringComparer.Ordinal);

    public bool IsOff(string appId) => _off.ContainsKey(appId);

    // True the first time for appId (the caller logs it once).
    public bool TurnOff(string appId) => _off.TryAdd(appId, true);
}
