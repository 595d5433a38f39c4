using System.Collections.Concurrent;
using ChatOps.LarkBotAdapter.Secrets;
using Microsoft.Extensions.Options;

namespace ChatOps.LarkBotAdapter.Channels.Lark.Api;

// Caches each app's tenant_access_token until shortly before it expires; one fetch at a time per app, through the
// caller's fetch (LarkOpenApiClient's token call). An app secret Lark refuses makes it re-read the platform secret
// (it may have been rotated) and try once more.
public sealed class LarkTokenCache(IOptionsMonitor<LarkOptions> options, SecretRefresher secrets, TimeProvider time)
{
    private static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(5);
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public async Task<string> GetAsync(LarkApp app, Func<LarkApp, CancellationToken, Task<(string Token, TimeSpan Lifetime)>> fetch, CancellationToken cancellationToken)
    {
        var entry = _entries.GetOrAdd(app.AppId, _ => new Entry());
        if (entry.Current is { } cached && time.GetUtcNow() < cached.RefreshAt)
        {
            return cached.Token;
        }
        await entry.Gate.WaitAsync(cancellationToken);
        try
        {
            if (entry.Current is { } fresh && time.GetUtcNow() < fresh.RefreshAt)
            {
                return fresh.Token;
            }
            var (token, lifetime) = await FetchAsync(fetch, app, cancellationToken);
            var margin = lifetime > RefreshMargin * 2 ? RefreshMargin : lifetime / 2;
            entry.Current = new CachedToken(token, time.GetUtcNow() + lifetime - margin);
            return token;
        }
        finally
        {
            entry.Gate.Release();
        }
    }

    private async Task<(string Token, TimeSpan Lifetime)> FetchAsync(
        Func<LarkApp, CancellationToken, Task<(string Token, TimeSpan Lifetime)>> fetch, LarkApp app, CancellationToken cancellationToken)
    {
        try
        {
            return await fetch(app, cancellationToken);
        }
        catch (LarkApiException ex) when (ex.IsAppSecretRejected && secrets.IsEnabled)
        {
            if (await secrets.TryRefreshAsync($"Lark refused LARK_APP_SECRET of {app.AppId}", SecretRefresher.WorkerWait, cancellationToken)
                && options.CurrentValue.Find(app.AppId) is { } current && current.AppSecret != app.AppSecret)
            {
                return await fetch(current, cancellationToken);
            }
            throw;
        }
    }

    // Drops rejected so the next call fetches a new token (unless another caller already did).
    public void Invalidate(LarkApp app, string rejected)
    {
        if (_entries.TryGetValue(app.AppId, out var entry) && entry.Current is { } current && current.Token == rejected)
        {
            Interlocked.CompareExchange(ref entry.Current, null, current);
        }
    }

    // Swapped whole, so a reader never sees a token with another token's expiry.
    private sealed record CachedToken(string Token, DateTimeOffset RefreshAt)
    {
        public override string ToString() => $"CachedToken {{ RefreshAt = {RefreshAt:O} }}";
    }

    private sealed class Entry
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public CachedToken? Current;
    }
}
