using ChatOps.IntentRecognition;
using ChatOps.LarkBotAdapter.Channels.Slack;
using ChatOps.LarkBotAdapter.Conversations;
using ChatOps.LarkBotAdapter.Jobs;
using ChatOps.LarkBotAdapter.Routing;
using ChatOps.LarkBotAdapter.State;
using ChatOps.LarkBotAdapter.Tests.AppHost;
using ChatOps.LarkBotAdapter.Worker;
using ChatOps.TestKit.Slack;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.LarkBotAdapter.Tests.Channels.Slack;

/// <summary>Posting replies when Slack pushes back: rate limits, outages, retried jobs.</summary>
public sealed class SlackReplyTests
{
    private const string KnowledgeQuestion = "according to the runbook, how do I restart checkout-api?";

    [Fact]
    public async Task RateLimitedPostIsRetriedAfterRetryAfter()
    {
        await using var app = await SlackApp.StartAsync();
        app.Slack.FailNextPosts(SlackFault.RateLimited(retryAfterSeconds: 1));
        var mention = SlackEvent.AppMention("tell me a joke");

        (await app.SendEventAsync(mention.Build())).Dispose();
        await app.WhenIdleAsync();

        var post = Assert.Single(app.Slack.Posts);
        Assert.Equal(mention.Ts, post.ThreadTs);
        Assert.Equal(2, app.Slack.PostAttempts);
        Assert.Contains(app.App.Logs.Lines, l => l.Contains("rate-limited; waiting 1 s", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RetriedJobContinuesAfterTheLastPostedSegment()
    {
        var responder = new ScriptedResponder(Intent.KnowledgeBase, LongAnswer.Build(12_000));
        await using var app = await SlackApp.StartAsync(services => services.AddSingleton<IResponder>(responder));
        var turn = new ChatTurn("slack", FakeSlackWebApi.DefaultTeamId, SlackEvent.DefaultChannel, "group", "1700000500.000100",
            null, null, SlackEvent.DefaultUser, "text", KnowledgeQuestion, []);
        var job = new WorkJob(WorkJob.TurnKind, turn, Hop: 1, DateTimeOffset.UtcNow);
        app.Slack.FailPostsAfter(2, SlackFault.InternalError);

        await Assert.ThrowsAsync<ReplyFailedException>(() => ProcessAsync(app, job));
        Assert.Equal(2, app.Slack.Posts.Count);
        app.Slack.StopFailing();
        await ProcessAsync(app, job);

        var posts = app.Slack.Posts;
        Assert.True(posts.Count >= 4, $"expected several segments, got {posts.Count}");
        Assert.Equal(posts.Count, posts.Select(p => p.Text).Distinct().Count());
        Assert.All(posts, p => Assert.Equal(turn.MessageId, p.ThreadTs));
        var recorded = await app.Services.GetRequiredService<IStateStore>().GetPostedSegmentsAsync(turn.ClaimKey, CancellationToken.None);
        Assert.Equal(posts.Select(p => p.Ts), recorded.OrderBy(r => r.Key).Select(r => r.Value));
    }

    [Fact]
    public async Task PermanentErrorIsNotRetried()
    {
        await using var app = await SlackApp.StartAsync();
        app.Slack.FailNextPosts(new SlackFault(200, "is_archived"));
        (await app.SendEventAsync(SlackEvent.AppMention("tell me a joke").Build())).Dispose();
        await app.WhenIdleAsync();

        Assert.Equal(1, app.Slack.PostAttempts);
        Assert.Empty(app.Slack.Posts);
    }

    private static async Task ProcessAsync(SlackApp app, WorkJob job)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<TurnProcessor>().ProcessAsync(job, CancellationToken.None);
    }
}
