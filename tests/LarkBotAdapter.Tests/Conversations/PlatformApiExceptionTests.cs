using ChatOps.LarkBotAdapter.Channels.Lark.Api;
using ChatOps.LarkBotAdapter.Channels.Slack.Api;
using ChatOps.LarkBotAdapter.Conversations;

namespace ChatOps.LarkBotAdapter.Tests.Conversations;

/// <summary>The one place a failed platform call becomes the ReplyFailedException the worker reads.</summary>
public sealed class PlatformApiExceptionTests
{
    [Theory]
    [InlineData(Platforms.Lark, "Lark could not be reached: connection refused")]
    [InlineData(Platforms.Slack, "Slack could not be reached: connection refused")]
    public void AnUnreachablePlatformIsNamedAsPeopleWriteItAndWorthRetrying(string platform, string message)
    {
        var failure = PlatformApiException.ReplyFailure(platform, new HttpRequestException("connection refused"));

        Assert.NotNull(failure);
        Assert.Equal(message, failure.Message);
        Assert.True(failure.Transient);
        Assert.False(failure.TargetGone);
    }

    [Fact]
    public void EachPlatformsRefusalKeepsItsOwnVerdict()
    {
        var recalled = PlatformApiException.ReplyFailure(Platforms.Lark, new LarkApiException(230011, "message recalled", 400));
        var archived = PlatformApiException.ReplyFailure(Platforms.Slack, new SlackApiException("chat.postMessage", "is_archived", 200));
        var limited = PlatformApiException.ReplyFailure(Platforms.Slack, new SlackApiException("chat.postMessage", "ratelimited", 429));

        Assert.True(recalled!.TargetGone);
        Assert.False(recalled.Transient);
        Assert.Equal("Lark API error 230011 (HTTP 400): message recalled", recalled.Message);
        Assert.True(archived!.TargetGone);
        Assert.True(limited!.Transient);
    }

    [Fact]
    public void AnythingElseIsNotAPlatformFailure() =>
        Assert.Null(PlatformApiException.ReplyFailure(Platforms.Lark, new InvalidOperationException("a bug")));
}
