namespace ChatOps.LarkBotAdapter.Channels.Slack.Inbound;

// Where a slash command's response_url may point: https://hooks.slack.com/… and nowhere else, so
// a forged command cannot make the bot post (or probe) another host. No setting widens it: only tests, which register
// their own instance to admit a loopback fake, can construct another.
public sealed class SlackResponseUrlPolicy
{
    // Slack's own: https, host exactly hooks.slack.com, default port.
    public static readonly SlackResponseUrlPolicy Slack = new(new Uri("https://hooks.slack.com/"));

    private readonly Uri _origin;

    internal SlackResponseUrlPolicy(Uri origin) => _origin = origin;

    // Whether url is an absolute URL on the allowed origin, without credentials.
    public bool Allows(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && uri.Scheme == _origin.Scheme
        && string.Equals(uri.IdnHost, _origin.IdnHost, StringComparison.Ordinal)
        && uri.Port == _origin.Port
        && uri.UserInfo.Length == 0;
}
