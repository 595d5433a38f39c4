using System.Net;
using System.Text.Json;
using ChatOps.LarkBotAdapter.Tests.AppHost;
using ChatOps.TestKit.Lark;

namespace ChatOps.LarkBotAdapter.Tests.Channels.Lark;

/// <summary>End to end through <c>POST /lark/events</c> with the local classifier, against the fake Lark Open API.</summary>
public sealed class LarkConversationTests : IAsyncLifetime
{
    private ChatOpsApp _app = null!;

    public async Task InitializeAsync() => _app = await ChatOpsApp.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static DateTimeOffset Now => DateTimeOffset.UtcNow;

    private Task<HttpResponseMessage> SendEncryptedAsync(string json) =>
        _app.SendAsync(LarkRequest.Encrypted(json, ChatOpsApp.EncryptKey, Now));

    [Fact]
    public async Task PlainChallengeIsAnswered()
    {
        using var response = await _app.SendAsync(LarkRequest.Plain(LarkEvent.Challenge("plain-challenge")));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("plain-challenge", await ChallengeOf(response));
    }

    [Fact]
    public async Task EncryptedChallengeIsAnsweredEvenUnsigned()
    {
        using var response = await _app.SendAsync(LarkRequest.EncryptedUnsigned(LarkEvent.Challenge("secret-challenge"), ChatOpsApp.EncryptKey));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("secret-challenge", await ChallengeOf(response));
    }

    [Fact]
    public async Task ChallengeWithAWrongTokenIsRejected()
    {
        using var response = await _app.SendAsync(LarkRequest.Plain(LarkEvent.Challenge("c", token: "not-the-token")));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task BadSignatureIsRejectedAndNothingIsPosted()
    {
        var json = LarkEvent.Text("@_user_1 hello").MentioningBot().Build();
        using var response = await _app.SendAsync(LarkRequest.EncryptedWithBadSignature(json, ChatOpsApp.EncryptKey, Now));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await _app.WhenIdleAsync();
        Assert.Empty(_app.Lark.Replies);
        Assert.Equal(0, _app.Lark.ReplyAttempts);
    }

    [Fact]
    public async Task TamperedBodyIsRejected()
    {
        var json = LarkEvent.Text("@_user_1 hello").MentioningBot().Build();
        using var response = await _app.SendAsync(LarkRequest.EncryptedWithTamperedBody(json, ChatOpsApp.EncryptKey, Now));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task StaleTimestampIsRejected()
    {
        var json = LarkEvent.Text("@_user_1 hello").MentioningBot().Build();
        using var response = await _app.SendAsync(LarkRequest.Encrypted(json, ChatOpsApp.EncryptKey, Now.AddHours(-3)));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task UnencryptedEventForAnAppWithAnEncryptKeyIsRejected()
    {
        var json = LarkEvent.Text("@_user_1 hello").MentioningBot().Build();
        using var response = await _app.SendAsync(LarkRequest.Plain(json));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task MalformedEventIsABadRequest()
    {
        using var response = await _app.SendAsync(LarkRequest.Signed("{\"schema\":\"2.0\",\"header\":{}", ChatOpsApp.EncryptKey, Now));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task BodyOverOneMegabyteIsRefused()
    {
        var json = LarkEvent.Text(new string('x', 1_100_000)).MentioningBot().Build();
        using var response = await _app.SendAsync(LarkRequest.Plain(json));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task OffTopicMentionGetsOnePoliteThreadedReply()
    {
        var message = LarkEvent.Text("@_user_1 tell me a joke about cats").MentioningBot();
        using var response = await SendEncryptedAsync(message.Build());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await _app.WhenIdleAsync();
        var reply = Assert.Single(_app.Lark.Replies);
        Assert.Equal(message.MessageId, reply.ParentMessageId);
        Assert.True(reply.ReplyInThread);
        // A finished answer: a card with the 👍/👎 buttons.
        Assert.Equal("interactive", reply.MsgType);
        Assert.True(reply.IsAnswer);
        Assert.Contains("Sorry", reply.Text, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(reply.Uuid));
    }

    [Fact]
    public async Task SameMessageDeliveredThreeTimesConcurrentlyAndLaterIsAnsweredOnce()
    {
        var message = LarkEvent.Text("@_user_1 what's the weather like today").MentioningBot();
        var first = message.Build();
        var redelivered = message.WithEventId($"ev_{Guid.NewGuid():N}").Build(); // Lark may redeliver with a new event_id
        var responses = await Task.WhenAll(SendEncryptedAsync(first), SendEncryptedAsync(first), SendEncryptedAsync(redelivered));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        await _app.WhenIdleAsync();
        using var later = await SendEncryptedAsync(first);
        Assert.Equal(HttpStatusCode.OK, later.StatusCode);
        await _app.WhenIdleAsync();
        Assert.Single(_app.Lark.RepliesTo(message.MessageId));
    }

    [Fact]
    public async Task MessageSentByAnAppGetsNoReply()
    {
        using var response = await SendEncryptedAsync(LarkEvent.Text("@_user_1 status?").MentioningBot().FromApp().Build());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await _app.WhenIdleAsync();
        Assert.Empty(_app.Lark.Replies);
    }

    [Fact]
    public async Task GroupMessageWithoutMentionOutsideABotThreadGetsNoReply()
    {
        using var response = await SendEncryptedAsync(LarkEvent.Text("lunch anyone?").InGroup().Build());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await _app.WhenIdleAsync();
        Assert.Empty(_app.Lark.Replies);
    }

    [Fact]
    public async Task GroupMessageMentioningSomeoneElseGetsNoReply()
    {
        using var response = await SendEncryptedAsync(LarkEvent.Text("@_user_1 can you look?").Mentioning("ou_someone_else", "Alice").Build());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await _app.WhenIdleAsync();
        Assert.Empty(_app.Lark.Replies);
    }

    [Fact]
    public async Task DirectMessageIsAnsweredWithoutMention()
    {
        var message = LarkEvent.Text("tell me a joke").InP2p();
        using var response = await SendEncryptedAsync(message.Build());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await _app.WhenIdleAsync();
        Assert.Single(_app.Lark.RepliesTo(message.MessageId));
    }

    [Fact]
    public async Task FollowUpWithoutMentionInABotThreadIsAnswered()
    {
        var first = LarkEvent.Text("@_user_1 tell me a joke").MentioningBot();
        (await SendEncryptedAsync(first.Build())).Dispose();
        await _app.WhenIdleAsync();
        var followUp = LarkEvent.Text("another one please").InThread(first.MessageId, "omt_thread_1");
        (await SendEncryptedAsync(followUp.Build())).Dispose();
        await _app.WhenIdleAsync();
        Assert.Single(_app.Lark.RepliesTo(followUp.MessageId));
    }

    [Fact]
    public async Task ThreadMessageOutsideABotThreadGetsNoReply()
    {
        var reply = LarkEvent.Text("agreed").InThread("om_not_a_bot_thread", "omt_other");
        (await SendEncryptedAsync(reply.Build())).Dispose();
        await _app.WhenIdleAsync();
        Assert.Empty(_app.Lark.Replies);
    }

    [Fact]
    public async Task ImageMessageGetsAPleaseSendTextReply()
    {
        var image = LarkEvent.Image().InP2p();
        (await SendEncryptedAsync(image.Build())).Dispose();
        await _app.WhenIdleAsync();
        var reply = Assert.Single(_app.Lark.RepliesTo(image.MessageId));
        Assert.Contains("text", reply.Text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task OtherEventTypesAreAcknowledgedAndIgnored()
    {
        var json = LarkEvent.Text("x").WithEventType("im.chat.member.bot.added_v1").Build();
        using var response = await SendEncryptedAsync(json);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await _app.WhenIdleAsync();
        Assert.Empty(_app.Lark.Replies);
    }

    private static async Task<string?> ChallengeOf(HttpResponseMessage response)
    {
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return doc.RootElement.GetProperty("challenge").GetString();
    }
}
