using ChatOps.LarkBotAdapter.Channels.Slack;
using ChatOps.LarkBotAdapter.Channels.Slack.Inbound;

namespace ChatOps.LarkBotAdapter.Tests.Channels.Slack.Inbound;

public sealed class SlackResponseUrlPolicyTests
{
    [Theory]
    [InlineData("https://hooks.slack.com/commands/T0TEST/1700000000/abc", true)]
    [InlineData("https://HOOKS.SLACK.COM/commands/T0TEST/1/abc", true)]
    [InlineData("https://hooks.slack.com:443/commands/T0TEST/1/abc", true)]
    [InlineData("http://hooks.slack.com/commands/T0TEST/1/abc", false)]
    [InlineData("https://hooks.slack.com:8443/commands/T0TEST/1/abc", false)]
    [InlineData("https://hooks.slack.com./commands/T0TEST/1/abc", false)]
    [InlineData("https://hooks.slack.com.evil.example/commands", false)]
    [InlineData("https://evil.example/?to=https://hooks.slack.com/", false)]
    [InlineData("https://hooks.slack.com@evil.example/commands", false)]
    [InlineData("https://user:pass@hooks.slack.com/commands", false)]
    [InlineData("https://slack.com/api/chat.postMessage", false)]
    [InlineData("https://127.0.0.1/commands", false)]
    [InlineData("hooks.slack.com/commands", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void OnlyHttpsHooksSlackComIsAllowed(string? url, bool allowed) =>
        Assert.Equal(allowed, SlackResponseUrlPolicy.Slack.Allows(url));
}
