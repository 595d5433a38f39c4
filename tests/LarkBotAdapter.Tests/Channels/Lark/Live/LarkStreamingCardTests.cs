using System.Text.RegularExpressions;
using ChatOps.IntentRecognition;
using ChatOps.LarkBotAdapter.Channels.Lark.Rendering;
using ChatOps.LarkBotAdapter.Conversations;
using ChatOps.LarkBotAdapter.Jobs;
using ChatOps.LarkBotAdapter.Routing;
using ChatOps.LarkBotAdapter.Tests.AppHost;
using ChatOps.LarkBotAdapter.Worker;
using ChatOps.TestKit.Lark;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.LarkBotAdapter.Tests.Channels.Lark.Live;

/// <summary>Live answers on Lark: one streaming card per answer, continuation cards, the fallback to segmented posts,
/// retries that keep to their card, reactions. Asserted on what the fake Lark API holds at the end.</summary>
public sealed partial class LarkStreamingCardTests
{
    private const string Question = "@_user_1 according to the runbook, how do I restart checkout-api?";

    private static async Task<ChatOpsApp> StartAsync(IResponder responder, bool cards = true, LarkCardLimits? limits = null, Action<Dictionary<string, string?>>? settings = null)
    {
        var lark = await ChatOpsApp.StartLarkAsync();
        lark.CardKitAvailable = cards;
        return await ChatOpsApp.StartAsync(settings, services =>
        {
            services.AddSingleton(responder);
            if (limits is not null)
            {
                services.AddSingleton(limits);
            }
        }, lark);
    }

    private static async Task<LarkEvent> AskAsync(ChatOpsApp app, string text = Question)
    {
        var message = LarkEvent.Text(text).MentioningBot();
        (await app.SendLarkAsync(message.Build())).Dispose();
        await app.WhenIdleAsync();
        return message;
    }

    [Fact]
    public async Task AnswerStreamsIntoOneCardThatEndsWithTheFooter()
    {
        var answer = LongAnswer.Build(3_000);
        await using var app = await StartAsync(new ScriptedResponder(Intent.KnowledgeBase, answer, chunkSize: 40));
        await using var _ = app.Lark;
        var message = await AskAsync(app);

        var replies = app.Lark.RepliesTo(message.MessageId);
        var reply = Assert.Single(replies);
        Assert.Equal("interactive", reply.MsgType);
        Assert.True(reply.ReplyInThread);
        var card = Assert.Single(app.Lark.CardsIn(message.MessageId));
        Assert.Single(app.Lark.Cards);
        Assert.Equal(answer, card.Element(LarkCardJson.AnswerElement));
        Assert.StartsWith("Done in ", card.Element(LarkCardJson.StatusElement), StringComparison.Ordinal);
        Assert.False(card.Streaming);
        Assert.Equal(1, card.Closes);
        Assert.Equal(0, app.Lark.RejectedSequences);
        Assert.Equal(0, app.Lark.RateLimitedCardOps);
        // Each shown text grew from the one before: the card streamed the answer, never another one's start.
        var shown = card.History(LarkCardJson.AnswerElement);
        Assert.All(shown.Zip(shown.Skip(1)), pair => Assert.StartsWith(pair.First, pair.Second, StringComparison.Ordinal));
    }

    [Fact]
    public async Task WithoutTheCardScopeAnswersAreSegmentedAndCardsAreTriedOncePerApp()
    {
        var answer = LongAnswer.Build(8_000);
        await using var app = await StartAsync(new ScriptedResponder(Intent.KnowledgeBase, answer), cards: false);
        await using var _ = app.Lark;
        var first = await AskAsync(app);
        var second = await AskAsync(app, Question + " again");

        Assert.Equal(1, app.Lark.CardCreateAttempts);
        Assert.Empty(app.Lark.Cards);
        foreach (var message in new[] { first, second })
        {
            var replies = app.Lark.RepliesTo(message.MessageId);
            Assert.True(replies.Count >= 2, $"expected segments, got {replies.Count}");
            // Segments are posts; the last is a finished card with the 👍/👎 buttons.
            Assert.All(replies.SkipLast(1), r => Assert.Equal("post", r.MsgType));
            Assert.Equal(2, replies[^1].Buttons().Count);
            // Post messages render headings as bold lines; the card keeps the Markdown.
            Assert.Equal(Words(answer.Replace("## ", "", StringComparison.Ordinal)), Words(string.Join("\n", replies.Select(r => r.Text)).Replace("**", "", StringComparison.Ordinal).Replace("## ", "", StringComparison.Ordinal)).Where(w => w != "…"));
        }
        Assert.Single(app.Logs.Lines, l => l.Contains("streaming cards unavailable", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnswerLongerThanACardContinuesInNewCardsWithBalancedFences()
    {
        var answer = LongAnswer.Build(12_000);
        var limits = new LarkCardLimits { MaxAnswerBytes = 4_000 };
        await using var app = await StartAsync(new ScriptedResponder(Intent.KnowledgeBase, answer, chunkSize: 500), limits: limits);
        await using var _ = app.Lark;
        var message = await AskAsync(app);

        var cards = app.Lark.CardsIn(message.MessageId);
        Assert.True(cards.Count >= 3, $"expected continuation cards, got {cards.Count}");
        Assert.Equal(cards.Count, app.Lark.Cards.Count);
        var texts = cards.Select(c => c.Element(LarkCardJson.AnswerElement)).ToArray();
        Assert.All(texts, t => Assert.True(t.Length <= 4_000, $"{t.Length} characters on one card"));
        Assert.All(texts, t => Assert.Equal(0, Fences().Matches(t).Count % 2));
        Assert.All(cards, c => Assert.False(c.Streaming));
        Assert.StartsWith("Done in ", cards[^1].Element(LarkCardJson.StatusElement), StringComparison.Ordinal);
        Assert.Equal(Words(answer).Where(w => !w.StartsWith("```", StringComparison.Ordinal)), Words(string.Join("\n", texts)).Where(w => !w.StartsWith("```", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task RetriedJobReplacesItsOwnCardsTextAndCreatesNoSecondCard()
    {
        const string firstRun = "alpha bravo charlie delta echo foxtrot";
        const string secondRun = "The checkout-api restarts with a rolling deploy.";
        var responder = new QueuedResponder(Intent.KnowledgeBase, (firstRun, true), (secondRun, false));
        await using var app = await StartAsync(responder);
        await using var _ = app.Lark;
        var message = LarkEvent.Text(Question).MentioningBot();
        var turn = new ChatTurn(
            "lark", LarkEvent.DefaultAppId, LarkEvent.DefaultChatId, "group", message.MessageId, null, null,
            LarkEvent.DefaultSenderId, "text", "according to the runbook, how do I restart checkout-api?", [LarkEvent.DefaultBotOpenId]);
        var job = new WorkJob(WorkJob.TurnKind, turn, Hop: 1, DateTimeOffset.UtcNow);

        // The first run dies mid-answer (its card is showing the first words), the retry answers in full.
        using (var dies = new CancellationTokenSource())
        {
            var run = ProcessAsync(app, job, dies.Token);
            await WaitUntilAsync(() => app.Lark.CardsIn(message.MessageId).Count == 1 && app.Lark.Cards[0].Element(LarkCardJson.AnswerElement).Contains("alpha", StringComparison.Ordinal));
            await dies.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        }
        await Task.Delay(5); // the retry comes later (Lambda waits at least a minute)
        await ProcessAsync(app, job, CancellationToken.None);

        var card = Assert.Single(app.Lark.Cards);
        Assert.Single(app.Lark.RepliesTo(message.MessageId));
        Assert.Equal(secondRun + " ", card.Element(LarkCardJson.AnswerElement));
        Assert.DoesNotContain("alpha", card.Element(LarkCardJson.AnswerElement), StringComparison.Ordinal);
        Assert.False(card.Streaming);
        Assert.Equal(0, app.Lark.RejectedSequences);
    }

    [Fact]
    public async Task AskersMessageGetsAWorkingReactionReplacedByDone()
    {
        await using var app = await StartAsync(new ScriptedResponder(Intent.KnowledgeBase, "Restart it with a rolling deploy."));
        await using var _ = app.Lark;
        var message = await AskAsync(app);

        var reactions = app.Lark.Reactions.Where(r => r.MessageId == message.MessageId).ToArray();
        Assert.Contains(reactions, r => r is { EmojiType: "OnIt", Removed: true });
        Assert.Contains(reactions, r => r is { EmojiType: "DONE", Removed: false });
        Assert.DoesNotContain(reactions, r => r.EmojiType == "CrossMark");
    }

    [Fact]
    public async Task FailedRouteEndsTheCardWithTheErrorAndAFailedReaction()
    {
        var answer = LongAnswer.Build(3_000);
        await using var app = await StartAsync(new ScriptedResponder(Intent.KnowledgeBase, answer, failAfterChars: 1_000));
        await using var _ = app.Lark;
        var message = await AskAsync(app);

        var card = Assert.Single(app.Lark.CardsIn(message.MessageId));
        Assert.Single(app.Lark.RepliesTo(message.MessageId));
        var text = card.Element(LarkCardJson.AnswerElement);
        Assert.StartsWith(answer[..900], text, StringComparison.Ordinal);
        Assert.EndsWith("⚠️ The answer above was cut short: the knowledge base stopped answering mid-way. Please try again in a minute.", text, StringComparison.Ordinal);
        Assert.False(card.Streaming);
        Assert.Contains(app.Lark.Reactions, r => r is { EmojiType: "CrossMark", Removed: false });
    }

    [Fact]
    public async Task SecretSplitAcrossUpdatesNeverReachesTheCard()
    {
        var key = "AKIA" + "IOSFODNN7" + "EXAMPLE";
        var secret = "wJalrXUtnFEMI/K7MDENG/" + "bPxRfiCYEXAMPLEKEY";
        var answer = $"Here is the profile:\n\naws_access_key_id = {key}\naws_secret_access_key = {secret}\n\nDone.";
        await using var app = await StartAsync(new ScriptedResponder(Intent.KnowledgeBase, answer, chunkSize: 3));
        await using var _ = app.Lark;
        var message = await AskAsync(app);

        var card = Assert.Single(app.Lark.CardsIn(message.MessageId));
        Assert.All(card.History(LarkCardJson.AnswerElement), shown =>
        {
            Assert.DoesNotContain(secret[..12], shown, StringComparison.Ordinal);
            Assert.DoesNotContain(key, shown, StringComparison.Ordinal);
        });
        Assert.Contains("[redacted", card.Element(LarkCardJson.AnswerElement), StringComparison.Ordinal);
    }

    private static async Task ProcessAsync(ChatOpsApp app, WorkJob job, CancellationToken cancellationToken)
    {
        using var scope = app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<TurnProcessor>().ProcessAsync(job, cancellationToken);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 1000 && !condition(); i++)
        {
            await Task.Delay(10);
        }
        Assert.True(condition());
    }

    private static IEnumerable<string> Words(string text) => text.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries);

    [GeneratedRegex("^\\s*```", RegexOptions.Multiline)]
    private static partial Regex Fences();
}
