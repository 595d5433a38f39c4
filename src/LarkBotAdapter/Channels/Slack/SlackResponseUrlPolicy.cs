namespace ChatOps.LarkBotAdapter.Channels.Slack;

/// <summary>Where a slash command's <c>response_url</c> may point: <c>https://hooks.slack.com/…</c> and nowhere else, so
/// a forged command cannot make the bot post (or probe) another host. No setting widens it: only tests, which register
/// their own instance to admit a loopback fake, can construct another.</summary>
public sealed class SlackResponseUrlPolicy
{
    /// <summary>Slack's own: https, host exactly <c>hooks.slack.com</c>, default port.</summary>
    public static readonly SlackResponseUrlPolicy Slack = new(new Uri("https://hooks.slack.com/"));

    private readonly Uri _origin;

    internal SlackResponseUrlPolicy(Uri origin) => _origin = origin;

    /// <summary>Whether <paramref name="url"/> is an absolute URL on the allowed origin, without credentials.</summary>
    public bool Allows(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && uri.Scheme == _origin.Scheme
        && string.Equals(uri.IdnHost, _origin.IdnHost, StringComparison.Ordinal)
        && uri.Port == _origin.Port
        && uri.UserInfo.Length == 0;
}
