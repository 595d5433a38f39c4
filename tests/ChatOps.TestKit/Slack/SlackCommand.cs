using System.Text;

namespace ChatOps.TestKit.Slack;

/// <summary>Builds a slash command's form body as Slack posts it, e.g.
/// <c>SlackCommand.Ask("what is the SLA?", responseUrl).InChannel("C1").Build()</c>.</summary>
public sealed class SlackCommand
{
    private static int sequence;
    private readonly string _text;
    private readonly Uri _responseUrl;

    private SlackCommand(string text, Uri responseUrl)
    {
        _text = text;
        _responseUrl = responseUrl;
        TriggerId = $"{Interlocked.Increment(ref sequence)}.1700000000.test{Guid.NewGuid():N}";
    }

    public string Command { get; private set; } = "/ask";
    public string Channel { get; private set; } = SlackEvent.DefaultChannel;
    public string ChannelName { get; private set; } = "ops";
    public string User { get; private set; } = SlackEvent.DefaultUser;
    public string TriggerId { get; }

    public static SlackCommand Ask(string text, Uri responseUrl) => new(text, responseUrl);

    public SlackCommand InChannel(string channel, string name = "ops")
    {
        (Channel, ChannelName) = (channel, name);
        return this;
    }

    public SlackCommand From(string user)
    {
        User = user;
        return this;
    }

    /// <summary>application/x-www-form-urlencoded, spaces as <c>+</c> like Slack's own bodies; the text has
    /// <c>&amp; &lt; &gt;</c> escaped, as Slack escapes what the user typed.</summary>
    public string Build()
    {
        (string, string)[] fields =
        [
            ("token", "test-deprecated-token"), ("team_id", FakeSlackWebApi.DefaultTeamId), ("team_domain", "test"),
            ("channel_id", Channel), ("channel_name", ChannelName), ("user_id", User), ("user_name", "tester"),
            ("command", Command), ("text", _text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal)), ("api_app_id", SlackEvent.DefaultAppId), ("is_enterprise_install", "false"),
            ("response_url", _responseUrl.ToString()), ("trigger_id", TriggerId),
        ];
        var body = new StringBuilder();
        foreach (var (name, value) in fields)
        {
            body.Append(body.Length == 0 ? "" : "&").Append(name).Append('=').Append(Uri.EscapeDataString(value).Replace("%20", "+", StringComparison.Ordinal));
        }
        return body.ToString();
    }
}
