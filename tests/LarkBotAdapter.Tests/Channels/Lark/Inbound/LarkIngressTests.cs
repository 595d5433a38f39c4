using System.Net;
using System.Text.Json.Nodes;
using ChatOps.LarkBotAdapter.Tests.AppHost;
using ChatOps.TestKit.Lark;

namespace ChatOps.LarkBotAdapter.Tests.Channels.Lark.Inbound;

/// <summary>A Lark app without an encrypt key: plain events are vouched for only by the static token, so their
/// <c>header.create_time</c> must be recent.</summary>
public sealed class LarkIngressTests : IAsyncLifetime
{
    private ChatOpsApp _app = null!;

    public async Task InitializeAsync() => _app = await ChatOpsApp.StartAsync(s => s["LARK_ENCRYPT_KEY"] = "");

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static DateTimeOffset Now => DateTimeOffset.UtcNow;

    private async Task<HttpStatusCode> SendAsync(string json)
    {
        using var response = await _app.SendAsync(LarkRequest.Plain(json));
        await _app.WhenIdleAsync();
        return response.StatusCode;
    }

    [Fact]
    public async Task RecentPlainEventIsAnswered()
    {
        var message = LarkEvent.Text("@_user_1 tell me a joke about cats").MentioningBot().At(Now.AddMinutes(-2));

        Assert.Equal(HttpStatusCode.OK, await SendAsync(message.Build()));
        Assert.Single(_app.Lark.RepliesTo(message.MessageId));
    }

    [Theory]
    [InlineData(-2 * 60 * 60)] // older than LARK_MAX_REQUEST_AGE_SECONDS (1 h)
    [InlineData(30 * 60)] // further ahead than clock skew explains
    public async Task PlainEventCreatedOutsideTheWindowIsRefusedAndChangesNothing(int offsetSeconds)
    {
        var message = LarkEvent.Text("@_user_1 tell me a joke about cats").MentioningBot().At(Now.AddSeconds(offsetSeconds));

        Assert.Equal(HttpStatusCode.Unauthorized, await SendAsync(message.Build()));
        Assert.Empty(_app.Lark.Replies);
        Assert.Equal(0, _app.Lark.ReplyAttempts);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("yesterday-ish")]
    [InlineData("")]
    public async Task PlainEventWithoutAReadableCreateTimeIsRefused(string? createTime)
    {
        var message = LarkEvent.Text("@_user_1 tell me a joke about cats").MentioningBot().At(Now);
        var json = JsonNode.Parse(message.Build())!;
        json["header"]!["create_time"] = createTime;

        Assert.Equal(HttpStatusCode.Unauthorized, await SendAsync(json.ToJsonString()));
        Assert.Empty(_app.Lark.Replies);
    }

    [Fact]
    public async Task ShorterMaxRequestAgeShortensTheWindow()
    {
        await using var app = await ChatOpsApp.StartAsync(s =>
        {
            s["LARK_ENCRYPT_KEY"] = "";
            s["LARK_MAX_REQUEST_AGE_SECONDS"] = "120";
        });
        var message = LarkEvent.Text("@_user_1 tell me a joke about cats").MentioningBot().At(Now.AddMinutes(-10));

        using var response = await app.SendAsync(LarkRequest.Plain(message.Build()));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
