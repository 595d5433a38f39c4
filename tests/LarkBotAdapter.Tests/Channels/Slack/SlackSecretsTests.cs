using ChatOps.TestKit.Slack;

namespace ChatOps.LarkBotAdapter.Tests.Channels.Slack;

/// <summary>Slack's secrets (and a command's response_url, a credential while it lives) never reach the logs.</summary>
public sealed class SlackSecretsTests
{
    [Fact]
    public async Task NoSlackSecretAppearsInLogsAcrossScenarios()
    {
        await using var app = await SlackApp.StartAsync();
        app.Slack.RefuseChannel("C0PRIVATE", SlackFault.NotInChannel);
        app.Slack.FailNextPosts(SlackFault.RateLimited(0), new SlackFault(200, "invalid_auth"));
        var responseUrl = app.Slack.NewResponseUrl();
        var mention = SlackEvent.AppMention("tell me a joke").Build();

        (await app.App.SendAsync(SlackRequest.Signed(mention, DateTimeOffset.UtcNow, secret: "wrong-signing-secret"))).Dispose();
        (await app.SendEventAsync(mention)).Dispose();
        (await app.SendCommandAsync(SlackCommand.Ask("tell me another joke", responseUrl).InChannel("C0PRIVATE"))).Dispose();
        await app.WhenIdleAsync();

        Assert.NotEmpty(app.Slack.ResponsePosts);
        var logs = string.Join("\n", app.App.Logs.Lines);
        Assert.Contains("response_url", logs, StringComparison.Ordinal);
        foreach (var secret in new[] { SlackRequest.DefaultSigningSecret, FakeSlackWebApi.DefaultBotToken, responseUrl.AbsolutePath })
        {
            Assert.DoesNotContain(secret, logs, StringComparison.Ordinal);
        }
    }
}
