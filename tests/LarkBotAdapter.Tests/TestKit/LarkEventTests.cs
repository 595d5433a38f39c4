using System.Text.Json;
using ChatOps.TestKit.Lark;

namespace ChatOps.LarkBotAdapter.Tests.TestKit;

public sealed class LarkEventTests
{
    [Fact]
    public void TextEventHasTheWireShape()
    {
        var json = LarkEvent.Text("hi").MentioningBot("ou_bot").InThread(rootId: "om_root", threadId: "omt_1").InGroup("oc_chat")
            .From("ou_user").ForApp("cli_app", token: "tok").WithMessageId("om_1").Build();

        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var message = root.GetProperty("event").GetProperty("message");

        Assert.Equal("2.0", root.GetProperty("schema").GetString());
        Assert.Equal("tok", root.GetProperty("header").GetProperty("token").GetString());
        Assert.Equal("cli_app", root.GetProperty("header").GetProperty("app_id").GetString());
        Assert.Equal("ou_user", root.GetProperty("event").GetProperty("sender").GetProperty("sender_id").GetProperty("open_id").GetString());
        Assert.Equal("""{"text":"@_user_1 hi"}""", message.GetProperty("content").GetString());
        Assert.Equal(("om_1", "om_root", "omt_1", "oc_chat"), (Str(message, "message_id"), Str(message, "root_id"), Str(message, "thread_id"), Str(message, "chat_id")));
        Assert.Equal("ou_bot", message.GetProperty("mentions")[0].GetProperty("id").GetProperty("open_id").GetString());
        Assert.Equal("@_user_1", message.GetProperty("mentions")[0].GetProperty("key").GetString());
    }

    [Fact]
    public void MessageIdsAreUniquePerBuilder()
    {
        Assert.NotEqual(LarkEvent.Text("a").MessageId, LarkEvent.Text("a").MessageId);
        Assert.NotEqual(LarkEvent.Text("a").EventId, LarkEvent.Text("a").EventId);
    }

    [Fact]
    public void FirstMessageOfAThreadHasEmptyRootAndNoThreadId()
    {
        using var document = JsonDocument.Parse(LarkEvent.Text("hi").Build());
        var message = document.RootElement.GetProperty("event").GetProperty("message");

        Assert.Equal("", Str(message, "root_id"));
        Assert.False(message.TryGetProperty("thread_id", out _));
    }

    [Fact]
    public void PostPutsMentionsAtTheStartOfTheFirstParagraph()
    {
        var json = LarkEvent.Post("T", [LarkPost.Text("x")]).MentioningBot().LocaleWrapped("en_us").Build();

        using var document = JsonDocument.Parse(json);
        using var content = JsonDocument.Parse(Str(document.RootElement.GetProperty("event").GetProperty("message"), "content"));
        var first = content.RootElement.GetProperty("en_us").GetProperty("content")[0];

        Assert.Equal("at", Str(first[0], "tag"));
        Assert.Equal("@_user_1", Str(first[0], "user_id"));
        Assert.Equal("x", Str(first[1], "text"));
    }

    [Fact]
    public void ChallengeHasTheUrlVerificationShape()
    {
        Assert.Equal("""{"challenge":"c","token":"tok","type":"url_verification"}""", LarkEvent.Challenge("c", "tok"));
    }

    [Fact]
    public void FromAppMarksTheSenderAsABot()
    {
        using var document = JsonDocument.Parse(LarkEvent.Image().FromApp().Build());
        var sender = document.RootElement.GetProperty("event").GetProperty("sender");

        Assert.Equal("app", Str(sender, "sender_type"));
    }

    private static string Str(JsonElement element, string name) => element.GetProperty(name).GetString()!;
}
