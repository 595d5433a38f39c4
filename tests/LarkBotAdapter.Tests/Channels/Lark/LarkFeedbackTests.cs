using System.Net;
using System.Text.Json;
using ChatOps.IntentRecognition;
using ChatOps.LarkBotAdapter.Conversations;
using ChatOps.LarkBotAdapter.Jobs;
using ChatOps.LarkBotAdapter.Routing;
using ChatOps.LarkBotAdapter.Tests.AppHost;
using ChatOps.LarkBotAdapter.Tests.Feedback;
using ChatOps.LarkBotAdapter.Worker;
using ChatOps.TestKit.Lark;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.LarkBotAdapter.Tests.Channels.Lark;

/// <summary>👍/👎 under a finished Lark card, and the card callback URL that records the clicks.</summary>
public sealed class LarkFeedbackTests
{
    private const string Question = "@_user_1 according to the runbook, how do I restart checkout-api?";

    private static async Task<ChatOpsApp> StartAsync(IResponder responder, Action<Dictionary<string, string?>>? settings = null)
    {
        var lark = await ChatOpsApp.StartLarkAsync();
        lark.CardKitAvailable = true;
        return await ChatOpsApp.StartAsync(settings, services => services.AddSingleton(responder), lark);
    }

    private static async Task<LarkEvent> AskAsync(ChatOpsApp app)
    {
        var message = LarkEvent.Text(Question).MentioningBot();
        (await app.SendLarkAsync(message.Build())).Dispose();
        await app.WhenIdleAsync();
        return message;
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> ClickAsync(ChatOpsApp app, IReadOnlyDictionary<string, string> value, string who)
    {
        using var response = await app.SendLarkCardAsync(LarkCardClick.Button(value).By(who).Build());
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, JsonDocument.Parse(text).RootElement.Clone());
    }

    private static string Toast(JsonElement body) => body.GetProperty("toast").GetProperty("content").GetString()!;

    [Fact]
    public async Task FinishedCardGetsThumbsButtonsNamingTheAnswerAndHowItWasMade()
    {
        await using var app = await StartAsync(new ScriptedResponder(Intent.KnowledgeBase, "Restart it with a rolling deploy."));
        await using var _ = app.Lark;
        var message = await AskAsync(app);

        var card = Assert.Single(app.Lark.CardsIn(message.MessageId));
        var buttons = card.Buttons();
        Assert.Equal(["👍", "👎"], buttons.Select(b => b.Label));
        Assert.Equal(["up", "down"], buttons.Select(b => b.Value["vote"]));
        Assert.All(buttons, b =>
        {
            Assert.Equal("feedback", b.Value["action"]);
            Assert.Equal($"lark:{LarkEvent.DefaultAppId}:{message.MessageId}", b.Value["answer"]);
            Assert.Equal("knowledge_base", b.Value["route"]);
            Assert.True(long.Parse(b.Value["ms"], System.Globalization.CultureInfo.InvariantCulture) >= 0);
        });
    }

    [Fact]
    public async Task OneVotePerPersonPerAnswerAndASecondClickReplacesTheFirst()
    {
        await using var app = await StartAsync(new ScriptedResponder(Intent.KnowledgeBase, "Restart it with a rolling deploy."));
        await using var _ = app.Lark;
        var message = await AskAsync(app);
        var buttons = Assert.Single(app.Lark.CardsIn(message.MessageId)).Buttons();
        var (up, down) = (buttons[0].Value, buttons[1].Value);

        var first = await ClickAsync(app, up, "ou_alice");
        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal("success", first.Body.GetProperty("toast").GetProperty("type").GetString());
        Assert.Equal("Thanks for the feedback!", Toast(first.Body));
        Assert.Equal("感谢反馈！", first.Body.GetProperty("toast").GetProperty("i18n").GetProperty("zh_cn").GetString());
        Assert.Equal("Your feedback was already recorded.", Toast((await ClickAsync(app, up, "ou_alice")).Body));
        Assert.Equal("Feedback updated.", Toast((await ClickAsync(app, down, "ou_alice")).Body));
        await ClickAsync(app, up, "ou_bob");

        var votes = app.Services.Votes().OrderBy(v => v.Voter, StringComparer.Ordinal).ToArray();
        Assert.Equal(["lark:ou_alice", "lark:ou_bob"], votes.Select(v => v.Voter));
        Assert.Equal(["down", "up"], votes.Select(v => v.Vote));
        Assert.All(votes, v => Assert.Equal(("knowledge_base", "none"), (v.Route, v.Model)));
        Assert.Contains(app.Logs.Lines, l => l.Contains("Feedback down on lark:", StringComparison.Ordinal) && l.Contains("Changed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RetriedJobAfterTheAnswerFinishedAddsNoSecondRowOfButtons()
    {
        await using var app = await StartAsync(new ScriptedResponder(Intent.KnowledgeBase, "Restart it with a rolling deploy."));
        await using var _ = app.Lark;
        var message = LarkEvent.Text(Question).MentioningBot();
        var turn = new ChatTurn(
            Platforms.Lark, LarkEvent.DefaultAppId, LarkEvent.DefaultChatId, ChatTypes.Group, message.MessageId, null, null,
            LarkEvent.DefaultSenderId, "text", "according to the runbook, how do I restart checkout-api?", [LarkEvent.DefaultBotOpenId]);
        var job = new WorkJob(WorkJob.TurnKind, turn, Hop: 1, DateTimeOffset.UtcNow);

        // The worker died after the card was finished but before the job was marked done: Lambda runs it again.
        for (var run = 0; run < 2; run++)
        {
            using var scope = app.Services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<TurnProcessor>().ProcessAsync(job, CancellationToken.None);
        }

        var card = Assert.Single(app.Lark.Cards);
        Assert.Single(card.Appended);
        Assert.Equal(2, card.Buttons().Count);
    }

    [Fact]
    public async Task FailedAnswersAndSwitchedOffFeedbackShowNoButtons()
    {
        await using (var failing = await StartAsync(new ScriptedResponder(Intent.KnowledgeBase, "Restart it with a rolling deploy, then", chunkSize: 10, failAfterChars: 20)))
        {
            await using var _ = failing.Lark;
            var message = await AskAsync(failing);
            Assert.Empty(Assert.Single(failing.Lark.CardsIn(message.MessageId)).Buttons());
        }
        await using var off = await StartAsync(new ScriptedResponder(Intent.KnowledgeBase, "Restart it."), s => s["CHATOPS_FEEDBACK"] = "false");
        await using var __ = off.Lark;
        var asked = await AskAsync(off);
        Assert.Empty(Assert.Single(off.Lark.CardsIn(asked.MessageId)).Buttons());
    }

    [Fact]
    public async Task ClickWithABadSignatureIsRefusedAndRecordsNothing()
    {
        await using var app = await StartAsync(new ScriptedResponder(Intent.KnowledgeBase, "Restart it."));
        await using var _ = app.Lark;
        var value = new Dictionary<string, string> { ["action"] = "feedback", ["vote"] = "up", ["answer"] = "lark:cli_test_app:om_1", ["route"] = "knowledge_base", ["model"] = "m", ["classifier"] = "local", ["ms"] = "5" };
        var json = LarkCardClick.Button(value).Build();

        using var forged = await app.SendAsync(LarkRequest.ToCards(LarkRequest.EncryptedWithBadSignature(json, ChatOpsApp.EncryptKey, DateTimeOffset.UtcNow)));
        using var wrongToken = await app.SendLarkCardAsync(LarkCardClick.Button(value).WithToken("test-other-token").Build());
        using var stale = await app.SendAsync(LarkRequest.ToCards(LarkRequest.Encrypted(json, ChatOpsApp.EncryptKey, DateTimeOffset.UtcNow.AddHours(-2))));
        using var malformed = await app.SendLarkCardAsync("{\"schema\":\"2.0\",\"header\":{}}");

        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongToken.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, stale.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Empty(app.Services.Votes());
    }

    [Fact]
    public async Task ButtonTheBotDoesNotKnowGetsAPoliteToastAndRecordsNothing()
    {
        await using var app = await StartAsync(new ScriptedResponder(Intent.KnowledgeBase, "Restart it."));
        await using var _ = app.Lark;

        var unknown = await ClickAsync(app, new Dictionary<string, string> { ["action"] = "deploy", ["target"] = "prod" }, "ou_alice");
        var badVote = await ClickAsync(app, new Dictionary<string, string> { ["action"] = "feedback", ["vote"] = "maybe", ["answer"] = "x", ["ms"] = "1" }, "ou_alice");

        Assert.Equal(HttpStatusCode.OK, unknown.Status);
        Assert.Equal("This button is no longer active.", Toast(unknown.Body));
        Assert.Equal("This button is no longer active.", Toast(badVote.Body));
        Assert.Empty(app.Services.Votes());
    }

    [Fact]
    public async Task StoreOutageAnswersWithAnErrorToastWithinTheCallback()
    {
        var store = new FlakyStateStore { FailVotes = true };
        var lark = await ChatOpsApp.StartLarkAsync();
        await using var app = await ChatOpsApp.StartAsync(null, s => s.AddSingleton<ChatOps.LarkBotAdapter.State.IStateStore>(store), lark);
        await using var _ = app.Lark;
        var value = new Dictionary<string, string> { ["action"] = "feedback", ["vote"] = "up", ["answer"] = "lark:cli_test_app:om_1", ["route"] = "knowledge_base", ["model"] = "m", ["classifier"] = "local", ["ms"] = "5" };

        var (status, body) = await ClickAsync(app, value, "ou_alice");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("error", body.GetProperty("toast").GetProperty("type").GetString());
        Assert.Empty(store.Inner.Votes(DateTimeOffset.UtcNow));
    }

    [Fact]
    public async Task CallbackUrlAnswersLarksUrlVerification()
    {
        await using var app = await StartAsync(new ScriptedResponder(Intent.KnowledgeBase, "Restart it."));
        await using var _ = app.Lark;
        var challenge = $"{{\"challenge\":\"test-challenge-1\",\"token\":\"{LarkEvent.DefaultToken}\",\"type\":\"url_verification\"}}";

        using var response = await app.SendLarkCardAsync(challenge);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("test-challenge-1", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("challenge").GetString());
    }
}
