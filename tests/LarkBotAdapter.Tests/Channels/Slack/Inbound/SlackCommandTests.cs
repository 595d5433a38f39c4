using System.Net;
using System.Text.Json;
using ChatOps.IntentRecognition;
using ChatOps.LarkBotAdapter.Channels.Slack;
using ChatOps.LarkBotAdapter.Channels.Slack.Inbound;
using ChatOps.LarkBotAdapter.Routing;
using ChatOps.LarkBotAdapter.Tests.AppHost;
using ChatOps.TestKit.Slack;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.LarkBotAdapter.Tests.Channels.Slack.Inbound;

/// <summary>End to end through <c>POST /slack/commands</c>.</summary>
public sealed class SlackCommandTests
{
    private const string KnowledgeQuestion = "according to the runbook, how do I restart checkout-api?";

    private static Task<SlackApp> StartWithAsync(IResponder responder) =>
        SlackApp.StartAsync(services => services.AddSingleton(responder));

    private static async Task<(string? ResponseType, string Text)> EphemeralOf(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (doc.RootElement.GetProperty("response_type").GetString(), doc.RootElement.GetProperty("text").GetString()!);
    }

    [Fact]
    public async Task CommandIsAckedEphemerallyThenPostedAsParentAndAnsweredInItsThread()
    {
        var gated = new GatedResponder("Drain the node, then restart the **deployment**.");
        await using var app = await StartWithAsync(gated);
        var command = SlackCommand.Ask(KnowledgeQuestion + " & <now>", app.Slack.NewResponseUrl());

        using var ack = await app.SendCommandAsync(command);
        var (type, text) = await EphemeralOf(ack);
        Assert.Equal("ephemeral", type);
        Assert.Contains("Working on it", text, StringComparison.Ordinal);
        gated.Open();
        await app.WhenIdleAsync();

        var posts = app.Slack.Posts;
        Assert.Equal(2, posts.Count);
        var parent = posts[0];
        Assert.Null(parent.ThreadTs);
        Assert.Equal(command.Channel, parent.Channel);
        Assert.Contains($"<@{command.User}>", parent.Text, StringComparison.Ordinal);
        Assert.Contains("restart checkout-api? &amp; &lt;now&gt;", parent.Text, StringComparison.Ordinal);
        Assert.Equal(parent.Ts, posts[1].ThreadTs);
        Assert.Contains("restart the *deployment*", posts[1].Text, StringComparison.Ordinal);
        Assert.Empty(app.Slack.ResponsePosts);
    }

    [Fact]
    public async Task FollowUpInTheCommandsThreadIsAnsweredWithContext()
    {
        var responder = new ScriptedResponder(Intent.KnowledgeBase, "Use the rollout restart.");
        await using var app = await StartWithAsync(responder);
        (await app.SendCommandAsync(SlackCommand.Ask(KnowledgeQuestion, app.Slack.NewResponseUrl()))).Dispose();
        await app.WhenIdleAsync();
        var parent = app.Slack.Posts[0];

        (await app.SendEventAsync(SlackEvent.Message("and according to the runbook, for payments?").InThread(parent.Ts).Build())).Dispose();
        await app.WhenIdleAsync();

        Assert.Equal(2, responder.Requests.Count);
        Assert.Contains(responder.Requests[1].History, t => t.Text.Contains("restart checkout-api", StringComparison.Ordinal));
        Assert.Equal(2, app.Slack.PostsIn(parent.Channel, parent.Ts).Count);
    }

    [Theory]
    [InlineData("https://evil.example/commands/T0TEST/1/x")]
    [InlineData("https://hooks.slack.com.evil.example/commands/T0TEST/1/x")]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    public async Task CommandWhoseResponseUrlIsNotSlacksIsRefusedAndChangesNothing(string responseUrl)
    {
        await using var app = await SlackApp.StartAsync();
        var forged = SlackCommand.Ask(KnowledgeQuestion, new Uri(responseUrl));

        using var response = await app.SendCommandAsync(forged);
        await app.WhenIdleAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("https://hooks.slack.com/", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, app.Slack.PostAttempts);
        Assert.Empty(app.Slack.ResponsePosts);
    }

    [Fact]
    public async Task OutsideTestsOnlyHooksSlackComIsAcceptedAsResponseUrl()
    {
        await using var slack = await FakeSlackWebApi.StartAsync();
        await using var app = await ChatOpsApp.StartAsync(s =>
        {
            s["SLACK_SIGNING_SECRET"] = SlackRequest.DefaultSigningSecret;
            s["SLACK_BOT_TOKEN"] = FakeSlackWebApi.DefaultBotToken;
            s["SLACK_API_BASE_URL"] = slack.ApiBaseUrl.ToString();
        });

        using var loopback = await app.SendAsync(SlackRequest.SignedCommand(
            SlackCommand.Ask("   ", slack.NewResponseUrl()).Build(), DateTimeOffset.UtcNow));
        using var hooks = await app.SendAsync(SlackRequest.SignedCommand(
            SlackCommand.Ask("   ", new Uri("https://hooks.slack.com/commands/T0TEST/1/x")).Build(), DateTimeOffset.UtcNow));

        Assert.Equal(HttpStatusCode.BadRequest, loopback.StatusCode);
        Assert.Equal(HttpStatusCode.OK, hooks.StatusCode);
        Assert.Same(SlackResponseUrlPolicy.Slack, app.Services.GetRequiredService<SlackResponseUrlPolicy>());
    }

    [Fact]
    public async Task EmptyCommandGetsUsageHelpAndNothingElse()
    {
        await using var app = await SlackApp.StartAsync();
        using var response = await app.SendCommandAsync(SlackCommand.Ask("   ", app.Slack.NewResponseUrl()));
        var (type, text) = await EphemeralOf(response);
        await app.WhenIdleAsync();

        Assert.Equal("ephemeral", type);
        Assert.Contains("/ask what is the SLA", text, StringComparison.Ordinal);
        Assert.Equal(0, app.Slack.PostAttempts);
    }

    [Theory]
    [InlineData("not_in_channel")]
    [InlineData("channel_not_found")]
    public async Task WhenTheBotCannotPostTheAnswerGoesToTheResponseUrl(string error)
    {
        var responder = new ScriptedResponder(Intent.KnowledgeBase, "Drain the node, then restart the **deployment**.");
        await using var app = await StartWithAsync(responder);
        app.Slack.RefuseChannel("C0PRIVATE", new SlackFault(200, error));
        var command = SlackCommand.Ask(KnowledgeQuestion, app.Slack.NewResponseUrl()).InChannel("C0PRIVATE", "private-ops");

        using var ack = await app.SendCommandAsync(command);
        Assert.Equal("ephemeral", (await EphemeralOf(ack)).ResponseType);
        await app.WhenIdleAsync();

        Assert.Empty(app.Slack.Posts);
        var reply = Assert.Single(app.Slack.ResponsePosts);
        Assert.Equal("in_channel", reply.ResponseType);
        Assert.Contains("restart checkout-api", reply.Text, StringComparison.Ordinal);
        Assert.Contains("restart the *deployment*", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LongAnswerViaResponseUrlIsPackedIntoAtMostFiveMessages()
    {
        var answer = LongAnswer.Build(30_000);
        await using var app = await StartWithAsync(new ScriptedResponder(Intent.KnowledgeBase, answer, chunkSize: 500));
        app.Slack.RefuseChannel("D0OTHERDM", SlackFault.ChannelNotFound);
        (await app.SendCommandAsync(SlackCommand.Ask(KnowledgeQuestion, app.Slack.NewResponseUrl()).InChannel("D0OTHERDM", "directmessage"))).Dispose();
        await app.WhenIdleAsync();

        var replies = app.Slack.ResponsePosts;
        Assert.InRange(replies.Count, 2, FakeSlackWebApi.ResponseUrlUses);
        var all = string.Join("\n", replies.Select(r => r.Text));
        var steps = answer.Split("## Step ").Length - 1;
        Assert.Equal(steps, all.Split("*Step ").Length - 1);
        Assert.Contains("kubectl -n checkout rollout status", all, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignedSslCheckIsAcknowledgedWithoutAnything()
    {
        await using var app = await SlackApp.StartAsync();
        using var response = await app.App.SendAsync(SlackRequest.SignedCommand("ssl_check=1&token=test-deprecated-token", DateTimeOffset.UtcNow));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await app.WhenIdleAsync();
        Assert.Equal(0, app.Slack.PostAttempts);
    }

    [Fact]
    public async Task CommandWithoutItsFieldsIsABadRequest()
    {
        await using var app = await SlackApp.StartAsync();
        using var response = await app.App.SendAsync(SlackRequest.SignedCommand("text=hello&user_id=U0TESTUSER", DateTimeOffset.UtcNow));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
