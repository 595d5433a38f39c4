using ChatOps.IntentRecognition;
using ChatOps.LarkBotAdapter.Channels.Lark.Inbound;
using ChatOps.LarkBotAdapter.Channels.Lark.Rendering;
using ChatOps.LarkBotAdapter.Channels.Lark;
using ChatOps.LarkBotAdapter.Routing;
using ChatOps.LarkBotAdapter.Tests.AppHost;
using ChatOps.TestKit.Lark;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.LarkBotAdapter.Tests.Channels.Lark.Inbound;

/// <summary>Model text cannot mention anyone on Lark: at tags reach Lark as literal text (a zero-width space after the
/// "&lt;"), in posts and in cards, while links and code keep every other character.</summary>
public sealed class LarkMentionsTests
{
    private const string Answer =
        "Paging everyone: <at user_id=\"all\"></at> and <at id=all></at>, also <at user_id=\"ou_victim\">Victim</at>.\n\n"
        + "See [the runbook](https://wiki.example.com/run?a=1&b=<2>) and run `grep '<pod>' log`.\n\n"
        + "```\n<AT id=all></ at>\nif a<b then\n```\n";

    private static async Task<(ChatOpsApp App, LarkEvent Question)> AskAsync(bool live)
    {
        var lark = await ChatOpsApp.StartLarkAsync();
        lark.CardKitAvailable = live;
        var app = await ChatOpsApp.StartAsync(
            s => s["CHATOPS_LIVE_REPLIES"] = live ? "true" : "false",
            s => s.AddSingleton<IResponder>(new ScriptedResponder(Intent.KnowledgeBase, Answer, chunkSize: 9)),
            lark);
        var message = LarkEvent.Text("@_user_1 according to the runbook, how do I restart checkout-api?").MentioningBot();
        (await app.SendLarkAsync(message.Build())).Dispose();
        await app.WhenIdleAsync();
        return (app, message);
    }

    private static void AssertMentionsNobody(string wire)
    {
        Assert.DoesNotContain("<at", wire, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("</at", wire, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("\\u003cat", wire, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task AtTagsInAnAnswerPostReachLarkAsLiteralText()
    {
        var (app, question) = await AskAsync(live: false);
        await using var _ = app;
        await using var __ = app.Lark;

        var posts = app.Lark.RepliesTo(question.MessageId);

        Assert.NotEmpty(posts);
        Assert.All(posts, p => AssertMentionsNobody(p.Content));
        var text = string.Join("", posts.Select(p => p.Text));
        Assert.Contains("<\u200Bat user_id=\"all\"><\u200B/at>", text, StringComparison.Ordinal);
        Assert.Contains("[the runbook](https://wiki.example.com/run?a=1&b=<2>)", text, StringComparison.Ordinal);
        Assert.Contains("`grep '<pod>' log`", text, StringComparison.Ordinal);
        Assert.Contains("if a<b then", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AtTagsInAStreamedAnswerNeverReachTheCard()
    {
        var (app, question) = await AskAsync(live: true);
        await using var _ = app;
        await using var __ = app.Lark;

        var card = Assert.Single(app.Lark.CardsIn(question.MessageId));

        Assert.All(card.History(LarkCardJson.AnswerElement), AssertMentionsNobody);
        Assert.Contains("<\u200Bat id=all><\u200B/at>", card.Element(LarkCardJson.AnswerElement), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<at id=all></at>", "<\u200Bat id=all><\u200B/at>")]
    [InlineData("< AT user_id=\"ou_1\">x</ at >", "<\u200B AT user_id=\"ou_1\">x<\u200B/ at >")]
    [InlineData("<atlas> a<b <a href=x> <at_home>", "<atlas> a<b <a href=x> <at_home>")]
    [InlineData("", "")]
    public void NeutralizeBreaksOnlyAtTags(string text, string expected) =>
        Assert.Equal(expected, LarkMentions.Neutralize(text));
}
