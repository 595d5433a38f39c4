using System.Text;
using ChatOps.LarkBotAdapter.Channels.Lark;
using ChatOps.LarkBotAdapter.Channels.Lark.Inbound;
using ChatOps.TestKit.Lark;

namespace ChatOps.LarkBotAdapter.Tests.Channels.Lark.Inbound;

public sealed class LarkEventParserTests
{
    [Fact]
    public void TextMessageBecomesATurnWithMentionsRemoved()
    {
        var json = LarkEvent.Text("  what is  the SLA?").MentioningBot("ou_bot").InGroup("oc_chat").From("ou_user")
            .ForApp("cli_app", token: "tok").WithMessageId("om_1").WithEventId("ev_1").Build();

        var received = Assert.IsType<LarkInbound.MessageReceived>(LarkEventParser.Parse(json));

        Assert.Equal(new LarkEventHeader("ev_1", "im.message.receive_v1", "cli_app", "tok",
            new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero), "test-tenant"), received.Header);
        Assert.Equal("user", received.SenderType);
        var turn = received.Turn;
        Assert.Equal(("lark", "cli_app", "oc_chat", "group", "om_1"), (turn.Platform, turn.AppId, turn.ChatId, turn.ChatType, turn.MessageId));
        Assert.Equal(("ou_user", "text", "what is  the SLA?"), (turn.SenderId, turn.MessageType, turn.Text));
        Assert.Null(turn.RootId);
        Assert.Null(turn.ThreadId);
        Assert.Equal(["ou_bot"], turn.MentionedIds);
    }

    [Fact]
    public void ThreadReplyCarriesRootAndThreadIds()
    {
        var json = LarkEvent.Text("and now?").InThread(rootId: "om_root", threadId: "omt_1").Build();

        var turn = Assert.IsType<LarkInbound.MessageReceived>(LarkEventParser.Parse(json)).Turn;

        Assert.Equal(("om_root", "omt_1"), (turn.RootId, turn.ThreadId));
        Assert.Equal($"lark:{LarkEvent.DefaultAppId}:{LarkEvent.DefaultChatId}:om_root", turn.ThreadKey);
    }

    [Fact]
    public void DirectMessageIsP2p()
    {
        var turn = Assert.IsType<LarkInbound.MessageReceived>(LarkEventParser.Parse(LarkEvent.Text("hi").InP2p("oc_dm").Build())).Turn;

        Assert.True(turn.IsDirect);
        Assert.Equal("oc_dm", turn.ChatId);
        Assert.Empty(turn.MentionedIds);
    }

    [Fact]
    public void MessageFromAnotherBotKeepsSenderTypeApp()
    {
        var received = Assert.IsType<LarkInbound.MessageReceived>(LarkEventParser.Parse(LarkEvent.Text("beep").FromApp("ou_bot2").Build()));

        Assert.Equal("app", received.SenderType);
        Assert.Equal("ou_bot2", received.Turn.SenderId);
    }

    [Fact]
    public void ImageHasItsTypeAndNoText()
    {
        var turn = Assert.IsType<LarkInbound.MessageReceived>(LarkEventParser.Parse(LarkEvent.Image().MentioningBot().Build())).Turn;

        Assert.Equal(("image", ""), (turn.MessageType, turn.Text));
        Assert.False(turn.IsSupported);
        Assert.Equal([LarkEvent.DefaultBotOpenId], turn.MentionedIds);
    }

    [Fact]
    public void PostIsFlattenedToPlainText()
    {
        var json = LarkEvent.Post("Deploy",
                [LarkPost.Text("see "), LarkPost.Link("runbook", "https://example.test/rb"), LarkPost.Text(" now")],
                [LarkPost.Code("bash", "kubectl get pods\n  -n prod")])
            .MentioningBot().Build();

        var turn = Assert.IsType<LarkInbound.MessageReceived>(LarkEventParser.Parse(json)).Turn;

        Assert.Equal("Deploy\nsee runbook (https://example.test/rb) now\n```bash\nkubectl get pods\n  -n prod\n```", turn.Text);
        Assert.Equal("post", turn.MessageType);
    }

    [Fact]
    public void UrlVerificationIsRecognised()
    {
        var inbound = LarkEventParser.Parse(LarkEvent.Challenge("c-1", "tok"));

        Assert.Equal(new LarkInbound.UrlVerification("c-1", "tok"), inbound);
    }

    [Fact]
    public void EncryptedUrlVerificationFromTheSdkVectorsIsRecognised()
    {
        var vector = LarkVectors.Instance.Decrypt.Single(v => v.Name == "url-verification");
        Assert.True(LarkEventParser.TryGetEncrypt($$"""{"encrypt":"{{vector.Encrypt}}"}""", out var encrypt));
        Assert.True(LarkCrypto.TryDecrypt(vector.EncryptKey, encrypt, out var plaintext));

        Assert.Equal(new LarkInbound.UrlVerification("test-challenge-1", "test-verification-token"), LarkEventParser.Parse(plaintext));
    }

    [Fact]
    public void ChineseMessageFromTheSdkVectorsParses()
    {
        var vector = LarkVectors.Instance.Decrypt.Single(v => v.Name == "chinese-message-event");
        Assert.True(LarkCrypto.TryDecrypt(vector.EncryptKey, vector.Encrypt, out var plaintext));

        var turn = Assert.IsType<LarkInbound.MessageReceived>(LarkEventParser.Parse(Encoding.UTF8.GetBytes(plaintext))).Turn;

        Assert.Equal("查询一下 集群状态，谢谢！", turn.Text);
    }

    [Fact]
    public void OtherEventTypesAreAcknowledgedNotParsed()
    {
        var json = LarkEvent.Text("x").WithEventType("im.chat.member.bot.added_v1").WithEventId("ev_9").Build();

        var other = Assert.IsType<LarkInbound.OtherEvent>(LarkEventParser.Parse(json));

        Assert.Equal(("ev_9", "im.chat.member.bot.added_v1"), (other.Header.EventId, other.Header.EventType));
    }

    [Fact]
    public void V1EventsBecomeOtherEvents()
    {
        const string json = """
            {"uuid":"u-1","token":"tok","ts":"1502199207.7171419","type":"event_callback",
             "event":{"type":"message","app_id":"cli_app","tenant_key":"t","text":"hi"}}
            """;

        var other = Assert.IsType<LarkInbound.OtherEvent>(LarkEventParser.Parse(json));

        Assert.Equal(new LarkEventHeader("u-1", "message", "cli_app", "tok",
            DateTimeOffset.FromUnixTimeMilliseconds(1502199207717), "t"), other.Header);
    }

    [Theory]
    [InlineData("""{"encrypt":"abc"}""", "true")]
    [InlineData("""{"encrypt":""}""", "false")]
    [InlineData("""{"encrypt":1}""", "false")]
    [InlineData("""{"challenge":"c"}""", "false")]
    [InlineData("""[{"encrypt":"abc"}]""", "false")]
    [InlineData("""{"encrypt":"abc" """, "false")]
    [InlineData("""{"encrypt":"abc","encrypt":"def"}""", "false")]
    public void EncryptedBodiesAreDetected(string json, string expected)
    {
        Assert.Equal(bool.Parse(expected), LarkEventParser.TryGetEncrypt(json, out var encrypt));
        Assert.Equal(expected == "true" ? "abc" : "", encrypt);
    }
}
