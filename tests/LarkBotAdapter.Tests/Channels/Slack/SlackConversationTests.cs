using System.Net;
using System.Text.Json;
using ChatOps.IntentRecognition;
using ChatOps.LarkBotAdapter.Routing;
using ChatOps.LarkBotAdapter.Tests.AppHost;
using ChatOps.TestKit.Slack;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.LarkBotAdapter.Tests.Channels.Slack;

/// <summary>End to end through <c>POST /slack/events</c> against the fake Slack Web API.</summary>
public sealed class SlackConversationTests
{
    private const string KnowledgeQuestion = "according to the runbook, how do I restart checkout-api?";

    private static Task<SlackApp> StartWithAsync(IResponder responder, Action<Dictionary<string, string?>>? settings = null) =>
        SlackApp.StartAsync(services => services.AddSingleton(responder), settings);

    [Fact]
    public async Task UrlVerificationIsAnswered()
    {
        await using var app = await SlackApp.StartAsync();
        using var response = await app.SendEventAsync(SlackEvent.UrlVerification("test-challenge-3eZbrw1a"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("test-challenge-3eZbrw1a", doc.RootElement.GetProperty("challenge").GetString());
    }

    [Fact]
    public async Task BadStaleOrMissingSignaturesAreRejectedAndNothingHappens()
    {
        await using var app = await SlackApp.StartAsync();
        var json = SlackEvent.AppMention("tell me a joke").Build();
        var now = DateTimeOffset.UtcNow;
        HttpRequestMessage[] requests =
        [
            SlackRequest.Signed(json, now, secret: "another-signing-secret"),
            SlackRequest.Signed(json, now.AddMinutes(-6)),
            SlackRequest.Signed(json, now.AddMinutes(6)),
            SlackRequest.Raw(SlackRequest.EventsPath, json, "application/json", SlackRequest.UnixSeconds(now), signature: null),
            SlackRequest.Raw(SlackRequest.EventsPath, json.Replace("joke", "jokes", StringComparison.Ordinal), "application/json",
                SlackRequest.UnixSeconds(now), SlackRequest.Sign(SlackRequest.DefaultSigningSecret, SlackRequest.UnixSeconds(now), json)),
            SlackRequest.Raw(SlackRequest.CommandsPath, "text=hi", "application/x-www-form-urlencoded", SlackRequest.UnixSeconds(now), "v0=00"),
        ];
        foreach (var request in requests)
        {
            using var response = await app.App.SendAsync(request);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }
        await app.WhenIdleAsync();
        Assert.Equal(0, app.Slack.PostAttempts);
        Assert.Empty(app.Slack.ResponsePosts);
    }

    [Fact]
    public async Task AppMentionIsAcknowledgedBeforeTheAnswerAndAnsweredInSegmentsInItsThread()
    {
        var answer = LongAnswer.Build(9000);
        var gated = new GatedResponder(answer);
        await using var app = await StartWithAsync(gated);
        var mention = SlackEvent.AppMention(KnowledgeQuestion);

        using (var ack = await app.SendEventAsync(mention.Build()))
        {
            Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        }
        Assert.Empty(app.Slack.Posts); // acknowledged while the answer is still being produced
        gated.Open();
        await app.WhenIdleAsync();

        var posts = app.Slack.Posts;
        Assert.True(posts.Count >= 3, $"expected several segments, got {posts.Count}");
        Assert.All(posts, p => Assert.Equal(mention.Channel, p.Channel));
        Assert.All(posts, p => Assert.Equal(mention.Ts, p.ThreadTs));
        Assert.All(posts, p => Assert.Equal("application/json; charset=utf-8", p.ContentType));
        Assert.All(posts, p => Assert.True(p.Text.Length < 4000, $"{p.Text.Length} chars"));
        Assert.All(posts, p => Assert.Equal(1, p.Text.Split("```").Length % 2));
        Assert.DoesNotContain(posts, p => p.Text.Contains("## ", StringComparison.Ordinal));
        Assert.Contains(posts, p => p.Text.Contains("*Step 1: check the service*", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RedeliveryWithRetryNumIsAcknowledgedAndAnsweredOnce()
    {
        await using var app = await SlackApp.StartAsync();
        var mention = SlackEvent.AppMention("tell me a joke about cats");
        var json = mention.Build();

        var responses = await Task.WhenAll(app.SendEventAsync(json), app.SendEventAsync(json, retryNum: 1));
        await app.WhenIdleAsync();
        using var later = await app.SendEventAsync(json, retryNum: 2);
        await app.WhenIdleAsync();

        Assert.All(responses.Append(later), r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var post = Assert.Single(app.Slack.Posts);
        Assert.Equal(mention.Ts, post.ThreadTs);
        Assert.Contains("Sorry", post.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MessageCopyOfAnAppMentionIsAnsweredOnce()
    {
        await using var app = await SlackApp.StartAsync();
        var mention = SlackEvent.AppMention("tell me a joke about dogs");
        var copy = mention.Build().Replace("\"type\":\"app_mention\"", "\"type\":\"message\"", StringComparison.Ordinal);

        (await app.SendEventAsync(mention.Build())).Dispose();
        (await app.SendEventAsync(copy)).Dispose();
        await app.WhenIdleAsync();

        Assert.Single(app.Slack.Posts);
    }

    [Theory]
    [InlineData("own message")]
    [InlineData("bot_message subtype")]
    [InlineData("edited message")]
    [InlineData("no user")]
    [InlineData("channel message without mention")]
    public async Task MessagesNotForTheBotGetNothing(string kind)
    {
        await using var app = await SlackApp.StartAsync();
        var message = kind switch
        {
            "own message" => SlackEvent.Message("Sorry, that's outside what I can help with.").FromBot().InThread("1700000000.000001"),
            "bot_message subtype" => SlackEvent.Message("deploy finished").FromBot("B0OTHER", withSubtype: true, user: null),
            "edited message" => SlackEvent.Message("what is the SLA?").WithSubtype("message_changed"),
            "no user" => SlackEvent.Message("what is the SLA?").From(null!),
            _ => SlackEvent.Message("what is the SLA of checkout-api?"),
        };

        using var response = await app.SendEventAsync(message.Build());
        await app.WhenIdleAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, app.Slack.PostAttempts);
    }

    [Fact]
    public async Task FollowUpInTheThreadWithoutMentionIsAnsweredWithContext()
    {
        var responder = new ScriptedResponder(Intent.KnowledgeBase, "Drain the node, then restart the **deployment**.");
        await using var app = await StartWithAsync(responder);
        var mention = SlackEvent.AppMention(KnowledgeQuestion);
        (await app.SendEventAsync(mention.Build())).Dispose();
        await app.WhenIdleAsync();

        var followUp = SlackEvent.Message("and according to the runbook, what about the payments service?").InThread(mention.Ts);
        (await app.SendEventAsync(followUp.Build())).Dispose();
        var elsewhere = SlackEvent.Message("according to the runbook, what about payments?").InThread("1600000000.000001");
        (await app.SendEventAsync(elsewhere.Build())).Dispose();
        await app.WhenIdleAsync();

        Assert.Equal(2, responder.Requests.Count);
        var second = responder.Requests[1];
        Assert.Equal(mention.Ts, second.Turn.RootId);
        Assert.Contains(second.History, t => t.Text.Contains("restart checkout-api", StringComparison.Ordinal));
        Assert.Equal(2, app.Slack.PostsIn(mention.Channel, mention.Ts).Count);
        Assert.All(app.Slack.Posts, p => Assert.Contains("restart the *deployment*", p.Text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task FollowUpThatOnlyMentionsSomeoneElseIsLeftAlone()
    {
        await using var app = await SlackApp.StartAsync();
        var mention = SlackEvent.AppMention("tell me a joke");
        (await app.SendEventAsync(mention.Build())).Dispose();
        await app.WhenIdleAsync();

        (await app.SendEventAsync(SlackEvent.Message("<@U0ALICE> can you look at this?").InThread(mention.Ts).Build())).Dispose();
        await app.WhenIdleAsync();

        Assert.Single(app.Slack.Posts);
    }

    [Fact]
    public async Task DirectMessageIsAnsweredWithoutMention()
    {
        await using var app = await SlackApp.StartAsync();
        var dm = SlackEvent.Message("tell me a joke").Direct();
        (await app.SendEventAsync(dm.Build())).Dispose();
        await app.WhenIdleAsync();

        var post = Assert.Single(app.Slack.Posts);
        Assert.Equal("D0TESTDM", post.Channel);
        Assert.Equal(dm.Ts, post.ThreadTs);
    }

    [Fact]
    public async Task MentionWithoutAuthorizationsIsStillStrippedOfTheBotMention()
    {
        var responder = new ScriptedResponder(Intent.KnowledgeBase, "ok");
        await using var app = await StartWithAsync(responder);
        (await app.SendEventAsync(SlackEvent.AppMention(KnowledgeQuestion).WithoutAuthorizations().Build())).Dispose();
        await app.WhenIdleAsync();

        Assert.Equal(KnowledgeQuestion, Assert.Single(responder.Requests).Turn.Text);
    }
}
