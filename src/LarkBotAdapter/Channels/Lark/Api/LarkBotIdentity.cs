using System.Collections.Concurrent;

namespace ChatOps.LarkBotAdapter.Channels.Lark.Api;

// Each app's own open_id (from GET /open-apis/bot/v3/info), cached. The ingress only reads the cache; the
// fetching (through the caller's LarkOpenApiClient) happens at start-up and in the worker, never on the ack path.
public sealed class LarkBotIdentity
{
    private readonly ConcurrentDictionary<string, string> _openIds = new(StringComparer.Ordinal);

    public string? TryGetCached(string appId) => _openIds.TryGetValue(appId, out var id) ? id : null;

    public async Task<string> GetAsync(LarkApp app, LarkOpenApiClient client, CancellationToken cancellationToken)
    {
        if (TryGetCached(app.AppId) is { } cached)
        {
            return cached;
        }
        var openId = await client.GetBotOpenIdAsync(app, cancellationToken);
        _openIds[app.AppId] = openId;
        return openId;
    }
}
