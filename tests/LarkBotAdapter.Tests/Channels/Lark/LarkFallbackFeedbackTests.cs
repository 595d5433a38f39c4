using System.Net;
using System.Text.Json;
using ChatOps.IntentRecognition;
using ChatOps.LarkBotAdapter.Channels.Lark;
using ChatOps.LarkBotAdapter.Channels.Lark.Rendering;
using ChatOps.LarkBotAdapter.Conversations;
using ChatOps.LarkBotAdapter.Jobs;
using ChatOps.LarkBotAdapter.Routing;
using ChatOps.LarkBotAdapter.Tests.AppHost;
using ChatOps.LarkBotAdapter.Tests.Feedback;
using ChatOps.LarkBotAdapter.Worker;
using ChatOps.TestKit.Lark;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.LarkBotAdapter.Tests.Channels.Lark;

/// <summary>👍/👎 under a segmented Lark answer (the fallback when streaming cards are unavailable or switched off):
/// the last segment is a finished card with the same buttons a streaming card ends with.</summary>
public sealed class LarkFallbackFeedbackTests
{
    private const string Question = "@_user_1 according to the runbook, how do I restart checkout-api?";

    // Long enough for several segments (a segment holds at most 3,500 characters).
    private static readonly string LongAnswer = string.Join("\n\n", Enumerable.Range(1, 12).Select(i =>
        $"Step {i}: " + string.Concat(Enumerable.Repeat("drain the node, roll the deployment and watch the error rate. ", 10))));

    private static async Task<ChatOpsApp> StartAsync(
        string answer, bool cards = false, LarkCardLimits? limits = null, Action<Dictionary<string, string?>>? settings = null)
    {
        var lark = await ChatOpsApp.StartLarkAsync();
        lark.CardKitAvailable = cards;
        return await ChatOpsApp.StartAsync(settings, services =>
        {
            services.AddSingleton<IResponder>(new ScriptedResponder(Intent.KnowledgeBase, answer));
            if (limits is not null)
            {
                services.AddSingleton(limits);
            }
        }, lark);
    }

    private static async Task<LarkEvent> AskAsync(ChatOpsApp app)
    {
        var message = LarkEvent.Text(Question).MentioningBot();
        (await app.SendLarkAsync(message.Build())).Dispose();
        await app.WhenIdleAsync();
        return message;
    }

    private static ChatTurn TurnOf(LarkEvent message) => new(
        Platforms.Lark, LarkEvent.DefaultAppId, LarkEvent.DefaultChatId, ChatTypes.Group, message.MessageId, null, null,
        LarkEvent.DefaultSenderId, "text", "according to the runbook, how do I restart checkout-api?", [LarkEvent.DefaultBotOpenId]);

    [Fact]
    public async Task WithoutCardKitTheLastSegmentIsACardWithBothButtonsAndAClickRecordsAVote()
    {
        await using var app = await StartAsync(LongAnswer);
        await using var _ = app.Lark;
        var message = await AskAsync(app);

        var replies = app.Lark.RepliesTo(message.MessageId);
        Assert.True(replies.Count >= 3, $"expected several segments, got {replies.Count}");
        Assert.All(replies.SkipLast(1), r => Assert.Equal("post", r.MsgType));
        var last = replies[^1];
        Assert.Equal("interactive", last.MsgType);
        Assert.Equal(LarkChatChannel.IdempotencyKey(message.MessageId, replies.Count - 1), last.Uuid);
        Assert.Empty(app.Lark.Cards);

        // A whole JSON 2.0 card, not a reference to a card entity, holding the segment's text.
        using (var card = JsonDocument.Parse(last.Content))
        {
            Assert.Equal("2.0", card.RootElement.GetProperty("schema").GetString());
            Assert.False(card.RootElement.TryGetProperty("type", out var reference), reference.ToString());
        }
        Assert.Contains("Step 12: drain the node", last.Text, StringComparison.Ordinal);
        var answered = string.Join("\n", replies.Select(r => r.Text));
        Assert.All(Enumerable.Range(1, 12), i => Assert.Contains($"Step {i}: ", answered, StringComparison.Ordinal));

        var buttons = last.Buttons();
        Assert.Equal(["👍", "👎"], buttons.Select(b => b.Label));
        Assert.Equal(["up", "down"], buttons.Select(b => b.Value["vote"]));
        Assert.All(buttons, b =>
        {
            Assert.Equal("feedback", b.Value["action"]);
            Assert.Equal($"lark:{LarkEvent.DefaultAppId}:{message.MessageId}", b.Value["answer"]);
            Assert.Equal("knowledge_base", b.Value["route"]);
        });

        using var click = await app.SendLarkCardAsync(LarkCardClick.Button(buttons[1].Value).By("ou_carol").Build());
        Assert.Equal(HttpStatusCode.OK, click.StatusCode);
        var toast = JsonDocument.Parse(await click.Content.ReadAsStringAsync()).RootElement.GetProperty("toast");
        Assert.Equal("Thanks for the feedback!", toast.GetProperty("content").GetString());
        var vote = Assert.Single(app.Services.Votes());
        Assert.Equal(("lark:ou_carol", "down", "knowledge_base"), (vote.Voter, vote.Vote, vote.Route));
    }

    [Fact]
    public async Task WithLiveRepliesOffAShortAnswerIsOneCardWithButtons()
    {
        await using var app = await StartAsync("Restart it with a rolling deploy.", cards: true, settings: s => s["CHATOPS_LIVE_REPLIES"] = "false");
        await using var _ = app.Lark;
        var message = await AskAsync(app);

        var reply = Assert.Single(app.Lark.RepliesTo(message.MessageId));
        Assert.Equal("interactive", reply.MsgType);
        Assert.Contains("Restart it with a rolling deploy.", reply.Text, StringComparison.Ordinal);
        Assert.Equal(2, reply.Buttons().Count);
        Assert.Empty(app.Lark.Cards);
    }

    [Fact]
    public async Task RetriedJobPostsNoSecondFinalCard()
    {
        await using var app = await StartAsync(LongAnswer);
        await using var _ = app.Lark;
        var message = LarkEvent.Text(Question).MentioningBot();
        var job = new WorkJob(WorkJob.TurnKind, TurnOf(message), Hop: 1, DateTimeOffset.UtcNow);

        // The worker died after the last segment went out but before the job was marked done: Lambda runs it again.
        for (var run = 0; run < 2; run++)
        {
            using var scope = app.Services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<TurnProcessor>().ProcessAsync(job, CancellationToken.None);
        }

        var replies = app.Lark.RepliesTo(message.MessageId);
        Assert.Single(replies, r => r.MsgType == "interactive");
        Assert.Equal(replies.Count, replies.Select(r => r.Uuid).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal("interactive", replies[^1].MsgType);
    }

    [Fact]
    public async Task SwitchedOffFeedbackLeavesEverySegmentAPlainPost()
    {
        await using var app = await StartAsync(LongAnswer, settings: s => s["CHATOPS_FEEDBACK"] = "false");
        await using var _ = app.Lark;
        var message = await AskAsync(app);

        var replies = app.Lark.RepliesTo(message.MessageId);
        Assert.True(replies.Count >= 3);
        Assert.All(replies, r => Assert.Equal("post", r.MsgType));
    }

    [Fact]
    public async Task LastSegmentTooLongForACardIsAPlainPostAndSaysSo()
    {
        await using var app = await StartAsync(LongAnswer, limits: new LarkCardLimits { MaxAnswerBytes = 500 });
        await using var _ = app.Lark;
        var message = await AskAsync(app);

        var replies = app.Lark.RepliesTo(message.MessageId);
        Assert.All(replies, r => Assert.Equal("post", r.MsgType));
        Assert.Contains("Step 12: drain the node", replies[^1].Text, StringComparison.Ordinal);
        Assert.Contains(app.Logs.Lines, l => l.Contains("too long for a card", StringComparison.Ordinal));
    }
}
