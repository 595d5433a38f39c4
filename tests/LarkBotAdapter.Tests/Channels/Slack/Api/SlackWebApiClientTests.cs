using ChatOps.LarkBotAdapter.Channels.Slack;
using ChatOps.LarkBotAdapter.Channels.Slack.Api;
using ChatOps.LarkBotAdapter.Channels.Slack.Inbound;
using ChatOps.TestKit;
using ChatOps.TestKit.Slack;
using ChatOps.TestKit.Time;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChatOps.LarkBotAdapter.Tests.Channels.Slack.Api;

public sealed class SlackWebApiClientTests : IAsyncLifetime
{
    private readonly TimerAwareTimeProvider _time = new();
    private FakeSlackWebApi _slack = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _slack = await FakeSlackWebApi.StartAsync();
        _http = new HttpClient { BaseAddress = _slack.ApiBaseUrl };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _slack.DisposeAsync();
    }

    private SlackWebApiClient Client(string token = FakeSlackWebApi.DefaultBotToken) =>
        new(_http, new FixedOptionsMonitor<SlackOptions>(SlackOptionsTests.Load(new() { ["SLACK_SIGNING_SECRET"] = "test-signing-secret", ["SLACK_BOT_TOKEN"] = token })),
            new SlackResponseUrlPolicy(_slack.ApiBaseUrl),
            _time, NullLogger<SlackWebApiClient>.Instance);

    [Fact]
    public async Task RateLimitedPostWaitsForRetryAfterThenSucceeds()
    {
        _slack.FailNextPosts(SlackFault.RateLimited(retryAfterSeconds: 30));
        var post = Client().PostMessageAsync("C0OPS", "hello", "1700000000.000100", CancellationToken.None);

        await _time.WaitForActiveTimerAsync().WaitAsync(TimeSpan.FromSeconds(10));
        _time.Advance(TimeSpan.FromSeconds(29));
        Assert.False(post.IsCompleted);
        Assert.Empty(_slack.Posts);
        _time.Advance(TimeSpan.FromSeconds(1));
        var ts = await post.WaitAsync(TimeSpan.FromSeconds(10));

        var sent = Assert.Single(_slack.Posts);
        Assert.Equal(ts, sent.Ts);
        Assert.Equal("1700000000.000100", sent.ThreadTs);
        Assert.Equal(2, _slack.PostAttempts);
    }

    [Fact]
    public async Task RateLimitsThatDoNotClearFailAsTransient()
    {
        _slack.FailNextPosts(Enumerable.Repeat(SlackFault.RateLimited(retryAfterSeconds: 0), SlackWebApiClient.MaxRateLimitRetries + 1).ToArray());
        var error = await Assert.ThrowsAsync<SlackApiException>(() => Client().PostMessageAsync("C0OPS", "hello", null, CancellationToken.None));
        Assert.True(error.IsTransient);
        Assert.Equal(SlackWebApiClient.MaxRateLimitRetries + 1, _slack.PostAttempts);
    }

    [Theory]
    [InlineData("not_in_channel", true, false)]
    [InlineData("channel_not_found", true, false)]
    [InlineData("is_archived", false, false)]
    [InlineData("internal_error", false, true)]
    public async Task ErrorCodesAreClassified(string code, bool cannotPostHere, bool transient)
    {
        _slack.FailNextPosts(new SlackFault(200, code));
        var error = await Assert.ThrowsAsync<SlackApiException>(() => Client().PostMessageAsync("C0OPS", "hello", null, CancellationToken.None));
        Assert.Equal(code, error.Error);
        Assert.Equal(cannotPostHere, error.IsCannotPostHere);
        Assert.Equal(transient, error.IsTransient);
        Assert.True(error.IsTargetGone || transient);
    }

    [Fact]
    public async Task WrongTokenIsReportedWithoutTheToken()
    {
        var error = await Assert.ThrowsAsync<SlackApiException>(() => Client("xoxb-wrong").PostMessageAsync("C0OPS", "hello", null, CancellationToken.None));
        Assert.Equal("invalid_auth", error.Error);
        Assert.DoesNotContain("xoxb", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuthTestReturnsTheBotUser()
    {
        var identity = await Client().AuthTestAsync(CancellationToken.None);
        Assert.Equal(FakeSlackWebApi.DefaultBotUserId, identity.UserId);
        Assert.Equal(FakeSlackWebApi.DefaultTeamId, identity.TeamId);
    }
}
