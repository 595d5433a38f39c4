namespace ChatOps.LarkBotAdapter.Channels.Slack.Api;

// The bot's own user id (from auth.test), cached. Events usually carry it in authorizations; this covers those that
// do not. The ingress only reads the cache; the fetching (through the caller's SlackWebApiClient) happens at
// start-up and in the worker.
public sealed class SlackBotIdentity
{
    private volatile string? _botUserId;
    private volatile string? _teamId;

    public string? TryGetCached() => _botUserId;

    public async Task<string> GetAsync(SlackWebApiClient client, CancellationToken cancellationToken)
    {
        if (_botUserId is { } cached)
        {
            return cached;
        }
        var identity = await client.AuthTestAsync(cancellationToken);
        (_botUserId, _teamId) = (identity.UserId, identity.TeamId);
        return identity.UserId;
    }

    // The workspace the token belongs to (a Slack turn's AppId), for messages the bot starts itself.
    public async Task<string> GetTeamIdAsync(SlackWebApiClient client, CancellationToken cancellationToken)
    {
        if (_teamId is { } cached)
        {
            return cached;
        }
        await GetAsync(client, cancellationToken);
        return _teamId ?? (await client.AuthTestAsync(cancellationToken)).TeamId;
    }
}
