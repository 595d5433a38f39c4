using System.Net;
using System.Net.Http.Json;
using ChatOps.IntentRecognition;
using ChatOps.LarkBotAdapter.Conversations;
using ChatOps.LarkBotAdapter.Jobs;
using ChatOps.LarkBotAdapter.Routing;
using ChatOps.LarkBotAdapter.Tests.AppHost;
using ChatOps.TestKit.Lark;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.LarkBotAdapter.Tests.Channels.Lark;

/// <summary>The Lark reply API failing in the ways it does, and what reaches the thread.</summary>
public sealed class LarkReplyFailureTests
{
    [Fact]
    public async Task ReplyServerErrorsAreRetriedAndTheAnswerPostedOnce()
    {
        await using var app = await ChatOpsApp.StartAsync();
        app.Lark.FailNextReplies(LarkFault.ServerError, LarkFault.RateLimited);
        var message = LarkEvent.Text("@_user_1 tell me a joke").MentioningBot();
        (await app.SendLarkAsync(message.Build())).Dispose();
        await app.WhenIdleAsync();
        Assert.Equal(3, app.Lark.ReplyAttempts);
        Assert.Single(app.Lark.RepliesTo(message.MessageId));
    }

    [Fact]
    public async Task RejectedTokenIsRefreshedOnceAndTheReplyPosted()
    {
        await using var app = await ChatOpsApp.StartAsync();
        var tokensBefore = app.Lark.TokenRequests;
        app.Lark.RevokeTokens();
        var message = LarkEvent.Text("@_user_1 tell me a joke").MentioningBot();
        (await app.SendLarkAsync(message.Build())).Dispose();
        await app.WhenIdleAsync();
        Assert.Equal(tokensBefore + 1, app.Lark.TokenRequests);
        Assert.Single(app.Lark.RepliesTo(message.MessageId));
    }

    [Fact]
    public async Task RecalledMessageStopsTheAnswerQuietly()
    {
        var responder = new ScriptedResponder(Intent.KnowledgeBase, LongAnswer.Build());
        await using var app = await ChatOpsApp.StartAsync(services: s => s.AddSingleton<IResponder>(responder));
        app.Lark.FailNextReplies(LarkFault.Recalled);
        var message = LarkEvent.Text("@_user_1 according to the runbook, how do I restart checkout-api?").MentioningBot();
        (await app.SendLarkAsync(message.Build())).Dispose();
        await app.WhenIdleAsync();
        Assert.Equal(1, app.Lark.ReplyAttempts);
        Assert.Empty(app.Lark.Replies);
    }

    [Fact]
    public async Task JobThatCannotPostFailsForLambdaToRetryAndTheRetryPostsNoDuplicates()
    {
        var responder = new ScriptedResponder(Intent.KnowledgeBase, LongAnswer.Build());
        await using var app = await ChatOpsApp.StartAsync(
            s => s["CHATOPS_EVENTS_ENDPOINT"] = "true",
            s => s.AddSingleton<IResponder>(responder));
        var turn = new ChatTurn("lark", LarkEvent.DefaultAppId, LarkEvent.DefaultChatId, "group", "om_retry_job", null, null,
            LarkEvent.DefaultSenderId, "text", "according to the runbook, how do I restart checkout-api?", [LarkEvent.DefaultBotOpenId]);
        var job = new WorkJob(WorkJob.TurnKind, turn, 1, DateTimeOffset.UtcNow);

        // A clean run shows how many segments the answer has.
        var posted = 0;
        using (var first = await app.Client.PostAsJsonAsync("/events", job, JsonOptions))
        {
            posted = app.Lark.Replies.Count;
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }
        Assert.True(posted >= 3);

        app.Lark.FailNextReplies([LarkFault.Pass, .. Enumerable.Repeat(LarkFault.ServerError, 16)]);
        // Then the first segment is posted and Lark fails for longer than every retry (4 HTTP attempts × 4 re-posts).
        var again = turn with { MessageId = "om_retry_job_2" };
        using (var failed = await app.Client.PostAsJsonAsync("/events", job with { Turn = again }, JsonOptions))
        {
            Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        }
        Assert.Single(app.Lark.RepliesTo("om_retry_job_2"));

        // Lambda's retry of the same event: every segment once.
        using (var retried = await app.Client.PostAsJsonAsync("/events", job with { Turn = again }, JsonOptions))
        {
            Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        }
        Assert.Equal(posted, app.Lark.RepliesTo("om_retry_job_2").Count);
        Assert.Equal(posted, app.Lark.RepliesTo("om_retry_job_2").Select(r => r.Uuid).Distinct().Count());
    }

    private static readonly System.Text.Json.JsonSerializerOptions JsonOptions = new(System.Text.Json.JsonSerializerDefaults.Web);
}
