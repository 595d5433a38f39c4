using System.Net;
using System.Text;
using ChatOps.IntentRecognition;
using ChatOps.LarkBotAdapter.Channels.Lark;
using ChatOps.LarkBotAdapter.Replies;
using ChatOps.LarkBotAdapter.Routing;
using ChatOps.LarkBotAdapter.State;
using ChatOps.LarkBotAdapter.Tests.AppHost;
using ChatOps.TestKit;
using ChatOps.TestKit.Lark;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.LarkBotAdapter.Tests.Faults;

/// <summary>The worker dies mid-answer on Lambda and Lambda retries the job on a fresh instance: the thread ends with the
/// whole answer, the retry continuing after the segments already posted, none of them posted again.</summary>
public sealed class WorkerCrashFaultTests
{
    private const int Parts = 4;

    // Four single-paragraph parts of ~1,300 characters: the segmenter cuts one segment per part.
    private static string Answer()
    {
        var text = new StringBuilder();
        for (var part = 1; part <= Parts; part++)
        {
            text.Append($"Part {part}:");
            while (text.Length < part * 1300)
            {
                text.Append(" check the checkout-api pods and compare the error rate with the SLA");
            }
            text.Append(".\n\n");
        }
        return text.ToString();
    }

    [Fact]
    public async Task RetryOnAFreshInstanceContinuesAfterTheSegmentsPostedBeforeTheCrash()
    {
        var answer = Answer();
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var state = new InMemoryStateStore(clock); // the table both instances share
        await using var lark = await ChatOpsApp.StartLarkAsync();
        await using var lambda = await FakeLambda.StartAsync();
        // The first run stalls a little into part 3: parts 1 and 2 are posted, part 3 is incomplete.
        var stalling = new ScriptedResponder(Intent.KnowledgeBase, answer, stallAfterChars: answer.IndexOf("Part 3:", StringComparison.Ordinal) + 100);
        var first = await ChatOpsApp.StartAsync(lambda.Configure, s => Instance(s, state, stalling), lark);
        var message = LarkEvent.Text("@_user_1 according to the runbook, how do I restart checkout-api?").MentioningBot();
        (await first.SendLarkAsync(message.Build())).Dispose();

        using var crash = new CancellationTokenSource();
        var run = FakeLambda.DeliverAsync(first, lambda.Job, crash.Token);
        await UserView.EventuallyAsync(() => lark.RepliesTo(message.MessageId).Count == 2, "two segments should be posted before the stall");
        var claimKey = $"lark:{LarkEvent.DefaultAppId}:{message.MessageId}";
        await UserView.EventuallyAsync(() => state.GetPostedSegmentsAsync(claimKey, CancellationToken.None).Result.Count == 2, "both posts should be recorded");
        // The process dies: the invocation ends with no error reply and the instance is gone.
        await crash.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        await first.DisposeAsync();
        // Lambda waits at least a minute before a retry: the crashed run's lease has lapsed by then.
        clock.Advance(TimeSpan.FromMinutes(2));

        var complete = new ScriptedResponder(Intent.KnowledgeBase, answer);
        await using var second = await ChatOpsApp.StartAsync(s => s["CHATOPS_EVENTS_ENDPOINT"] = "true", s => Instance(s, state, complete), lark);
        using (var retried = await FakeLambda.DeliverAsync(second, lambda.Job))
        {
            Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        }

        var replies = lark.RepliesTo(message.MessageId);
        Assert.Equal(
            Enumerable.Range(0, Parts).Select(i => LarkChatChannel.IdempotencyKey(message.MessageId, i)),
            replies.Select(r => r.Uuid));
        var shown = UserView.Answer(second, message.MessageId);
        var positions = Enumerable.Range(1, Parts).Select(p => shown.IndexOf($"Part {p}:", StringComparison.Ordinal)).ToArray();
        Assert.All(positions, p => Assert.True(p >= 0));
        Assert.Equal(positions.Order(), positions);
        Assert.All(Enumerable.Range(1, Parts), p => Assert.Equal(1, Count(shown, $"Part {p}:")));
        UserView.NoSecrets(second);
    }

    [Fact]
    public async Task RetryThatFailsEarlierThanTheCrashStillEndsWithItsErrorReply()
    {
        var answer = Answer();
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var state = new InMemoryStateStore(clock);
        await using var lark = await ChatOpsApp.StartLarkAsync();
        await using var lambda = await FakeLambda.StartAsync();
        var stalling = new ScriptedResponder(Intent.KnowledgeBase, answer, stallAfterChars: answer.IndexOf("Part 3:", StringComparison.Ordinal) + 100);
        var first = await ChatOpsApp.StartAsync(lambda.Configure, s => Instance(s, state, stalling), lark);
        var message = LarkEvent.Text("@_user_1 according to the runbook, how do I restart checkout-api?").MentioningBot();
        (await first.SendLarkAsync(message.Build())).Dispose();
        using var crash = new CancellationTokenSource();
        var run = FakeLambda.DeliverAsync(first, lambda.Job, crash.Token);
        var claimKey = $"lark:{LarkEvent.DefaultAppId}:{message.MessageId}";
        await UserView.EventuallyAsync(() => state.GetPostedSegmentsAsync(claimKey, CancellationToken.None).Result.Count == 2, "both posts should be recorded");
        await crash.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        await first.DisposeAsync();
        // Lambda waits at least a minute before a retry: the crashed run's lease has lapsed by then.
        clock.Advance(TimeSpan.FromMinutes(2));

        // The retry's route fails inside part 1: its error comes at a position the first run had already posted.
        var failing = new ScriptedResponder(Intent.KnowledgeBase, answer, failAfterChars: 100);
        await using var second = await ChatOpsApp.StartAsync(s => s["CHATOPS_EVENTS_ENDPOINT"] = "true", s => Instance(s, state, failing), lark);
        (await FakeLambda.DeliverAsync(second, lambda.Job)).Dispose();

        var replies = lark.RepliesTo(message.MessageId);
        Assert.Equal(3, replies.Count);
        Assert.StartsWith("Part 1:", replies[0].Text, StringComparison.Ordinal);
        Assert.StartsWith("Part 2:", replies[1].Text, StringComparison.Ordinal);
        Assert.StartsWith("⚠️ The answer above was cut short", replies[2].Text, StringComparison.Ordinal);
    }

    private static void Instance(IServiceCollection services, IStateStore state, IResponder responder)
    {
        services.AddSingleton(state);
        services.AddSingleton(responder);
        // No quiet-period flush while the first run is stalled: what it posts is decided by the text alone.
        services.AddSingleton(new SegmenterOptions { MaxUtf8Bytes = 7000, QuietPeriod = TimeSpan.FromMinutes(10) });
    }

    private static int Count(string text, string value)
    {
        var count = 0;
        for (var at = text.IndexOf(value, StringComparison.Ordinal); at >= 0; at = text.IndexOf(value, at + 1, StringComparison.Ordinal))
        {
            count++;
        }
        return count;
    }
}
