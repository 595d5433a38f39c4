using System.Net;
using ChatOps.IntentRecognition;
using ChatOps.LarkBotAdapter.Routing;
using ChatOps.LarkBotAdapter.Tests.AppHost;
using ChatOps.LarkBotAdapter.Tests.Ops;
using ChatOps.TestKit.Lark;
using ChatOps.TestKit.QCli;
using ChatOps.TestKit.Time;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.LarkBotAdapter.Tests.Faults;

/// <summary>The Lark Open API failing: the token endpoint, the reply API's limits, and a recalled question.</summary>
public sealed class LarkApiFaultTests
{
    private const string Question = "@_user_1 according to the runbook, how do I restart checkout-api?";

    [Fact]
    public async Task TokenEndpointFailingThenRecoveringStillPostsTheAnswerOnce()
    {
        var responder = new ScriptedResponder(Intent.KnowledgeBase, LongAnswer.Build(6000));
        await using var app = await ChatOpsApp.StartAsync(services: s => s.AddSingleton<IResponder>(responder));
        var tokensBefore = app.Lark.TokenRequests;
        app.Lark.RevokeTokens();
        app.Lark.FailNextTokenRequests(LarkFault.ServerError, LarkFault.ServerError);
        var message = LarkEvent.Text(Question).MentioningBot();

        (await app.SendLarkAsync(message.Build())).Dispose();
        await app.WhenIdleAsync();

        Assert.Equal(tokensBefore + 3, app.Lark.TokenRequests);
        Assert.Contains("Step 1: check the service", UserView.Answer(app, message.MessageId), StringComparison.Ordinal);
        UserView.NoSecrets(app);
    }

    [Fact]
    public async Task TokenEndpointDownFailsTheLambdaJobAndLambdasRetryPostsTheWholeAnswerOnce()
    {
        var responder = new ScriptedResponder(Intent.KnowledgeBase, LongAnswer.Build(6000));
        await using var lambda = await FakeLambda.StartAsync();
        // Segmented posts, no reactions: during this outage a card attempt and reaction calls would add enough failures to
        // open the Lark client's circuit breaker, which this test's immediate redelivery would meet (Lambda's own retry
        // comes after the 15 s break).
        await using var app = await ChatOpsApp.StartAsync(
            s =>
            {
                lambda.Configure(s);
                s["CHATOPS_REACTIONS"] = "false";
                s["CHATOPS_LIVE_REPLIES"] = "false";
            },
            s =>
            {
                s.AddSingleton<IResponder>(responder);
                // The first ack hands the job to the fake Lambda over HTTP within the 2.5 s ack budget; on a machine
                // loaded to a load average of ~70 that hand-off once took longer and the ack was a 503 before the
                // outage this test is about began. The budget runs on a clock four times as slow here.
                s.AddSingleton<TimeProvider>(new SlowedTimeProvider(4));
            });
        var message = LarkEvent.Text(Question).MentioningBot();
        using (var ack = await app.SendLarkAsync(message.Build()))
        {
            Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        }
        app.Lark.RevokeTokens();
        app.Lark.TokenOutage = LarkFault.ServerError;

        using (var failed = await FakeLambda.DeliverAsync(app, lambda.Job))
        {
            // Nothing can reach the thread while Lark refuses tokens: the invocation fails so Lambda retries it.
            Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        }
        Assert.Empty(app.Lark.Replies);

        app.Lark.TokenOutage = null;
        using (var retried = await FakeLambda.DeliverAsync(app, lambda.Job))
        {
            Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        }
        Assert.Contains("Step 1: check the service", UserView.Answer(app, message.MessageId), StringComparison.Ordinal);
        UserView.NoSecrets(app);
    }

    [Fact]
    public async Task RateLimitOutlastingTheHttpRetriesIsRepostedAndTheAnswerArrivesOnce()
    {
        var responder = new ScriptedResponder(Intent.KnowledgeBase, LongAnswer.Build(6000));
        await using var app = await ChatOpsApp.StartAsync(services: s => s.AddSingleton<IResponder>(responder));
        // Four HTTP attempts of the first post, and two of its re-post, hit Lark's rate limit (99991400, HTTP 429).
        app.Lark.FailNextReplies([.. Enumerable.Repeat(LarkFault.RateLimited, 6)]);
        var message = LarkEvent.Text(Question).MentioningBot();

        (await app.SendLarkAsync(message.Build())).Dispose();
        await app.WhenIdleAsync();

        var thread = UserView.Thread(app, message.MessageId);
        Assert.Equal(thread.Length + 6, app.Lark.ReplyAttempts);
        Assert.StartsWith("**Step 1: check the service**", UserView.Answer(app, message.MessageId), StringComparison.Ordinal);
        UserView.NoSecrets(app);
    }

    [Fact]
    public async Task RecalledQuestionStopsTheAnswerQuietlyAndHangsUpOnTheOpsProxy()
    {
        await using var proxy = await FakeQCliProxy.StartAsync();
        var rest = new TaskCompletionSource();
        // Three 1,300-character paragraphs: the first is posted (and refused) once the second has arrived.
        proxy.Enqueue(FakeQCliReply.Chunks([.. "xyz".Select(c => new string(c, 1300) + "\n\n")]).WaitFor(rest.Task).Chunk("more\n").Done());
        var ops = OpsTesting.Settings(proxy.BaseAddress);
        await using var app = await ChatOpsApp.StartAsync(s =>
        {
            foreach (var (key, value) in ops)
            {
                s[key] = value;
            }
        });
        app.Lark.FailNextReplies(LarkFault.Recalled);
        var message = LarkEvent.Text("@_user_1 is checkout-api throwing 5xx in prod right now?").MentioningBot();

        (await app.SendLarkAsync(message.Build())).Dispose();
        await UserView.EventuallyAsync(() => proxy.Disconnects == 1, "the bot should hang up on the proxy once the question is recalled");
        rest.SetResult();
        await app.WhenIdleAsync();

        Assert.Equal(1, app.Lark.ReplyAttempts);
        Assert.Empty(app.Lark.Replies);
        UserView.NoSecrets(app);
    }
}
