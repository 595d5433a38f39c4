using System.Net;
using ChatOps.LarkBotAdapter.Tests.AppHost;
using ChatOps.LarkBotAdapter.Tests.Ops;
using ChatOps.TestKit.QCli;
using ChatOps.TestKit.Slack;

namespace ChatOps.LarkBotAdapter.Tests.Alarms;

/// <summary>Alarm threads on Slack: the root message is Block Kit posted in the channel (no thread_ts), the diagnosis
/// goes into its thread as messages (a stream needs a person to address), OK updates the root by chat.update.</summary>
public sealed class AlarmSlackTests : IAsyncLifetime
{
    private const string Channel = "C0ALARMS";
    private FakeQCliProxy _proxy = null!;
    private FakeSlackWebApi _slack = null!;

    public async Task InitializeAsync()
    {
        _proxy = await FakeQCliProxy.StartAsync();
        _slack = await FakeSlackWebApi.StartAsync();
        _slack.StreamingAvailable = true;
    }

    public async Task DisposeAsync()
    {
        await _proxy.DisposeAsync();
        await _slack.DisposeAsync();
    }

    private async Task<ChatOpsApp> StartAsync()
    {
        var app = await ChatOpsApp.StartAsync(s =>
        {
            foreach (var (key, value) in OpsTesting.Settings(_proxy.BaseAddress))
            {
                s[key] = value;
            }
            s["SLACK_SIGNING_SECRET"] = SlackRequest.DefaultSigningSecret;
            s["SLACK_BOT_TOKEN"] = FakeSlackWebApi.DefaultBotToken;
            s["SLACK_API_BASE_URL"] = _slack.ApiBaseUrl.ToString();
            s["SLACK_POST_INTERVAL_MS"] = "0";
            s["CHATOPS_EVENTS_ENDPOINT"] = "true";
            s["ALARM_CHANNELS"] = "slack:" + Channel;
            s["ALARM_ACCOUNT_PROFILES"] = AlarmNotification.Account + "=prod";
        });
        app.CheckForSecrets("a Slack post", () => _slack.Posts.Select(p => p.Text + p.Blocks));
        return app;
    }

    [Fact]
    public async Task AnAlarmPostsBlockKitInTheChannelAndItsDiagnosisInTheThreadThenOkUpdatesIt()
    {
        await using var app = await StartAsync();

        Assert.Equal(HttpStatusCode.OK, await AlarmThreadTests.PostEventAsync(app, AlarmNotification.Firing().Event("m-1")));

        var root = Assert.Single(_slack.PostsIn(Channel), p => p.ThreadTs is null);
        Assert.Contains("ALARM: checkout-api-5xx", root.Text, StringComparison.Ordinal);
        Assert.Contains("\"url\":\"https://us-east-1.console.aws.amazon.com/cloudwatch/home?region=us-east-1#alarmsV2:alarm/checkout-api-5xx\"", root.Blocks, StringComparison.Ordinal);
        Assert.Contains("LoadBalancer=app/checkout/50dc6c495c0c9188", root.Blocks, StringComparison.Ordinal);
        var request = Assert.Single(_proxy.Accepted);
        Assert.Equal($"slack:{FakeSlackWebApi.DefaultTeamId}:{Channel}:{root.Ts}", request.ConversationId);
        Assert.Equal("prod", (string?)request.Json["awsProfile"]);
        Assert.Contains(_slack.PostsIn(Channel, root.Ts), p => p.Text.Contains("Fake answer to: A CloudWatch alarm", StringComparison.Ordinal));
        Assert.Empty(_slack.Streams);

        var followUp = SlackEvent.Message("did a deploy go out just before?").InChannel(Channel).InThread(root.Ts);
        (await app.SendAsync(SlackRequest.Signed(followUp.Build(), DateTimeOffset.UtcNow))).Dispose();
        await app.WhenIdleAsync();
        Assert.Equal("did a deploy go out just before?", _proxy.Accepted[^1].Prompt);
        Assert.Equal(request.ConversationId, _proxy.Accepted[^1].ConversationId);

        await AlarmThreadTests.PostEventAsync(app, AlarmNotification.Ok().Event("m-2"));
        var update = Assert.Single(_slack.Updates, u => u.Ts == root.Ts);
        Assert.Contains("Resolved after 12 min: checkout-api-5xx", update.Text, StringComparison.Ordinal);
        Assert.Single(_slack.PostsIn(Channel, root.Ts), p => p.Text.Contains("Back to OK", StringComparison.Ordinal));
    }
}
