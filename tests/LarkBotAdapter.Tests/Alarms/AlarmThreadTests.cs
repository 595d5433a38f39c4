using System.Net;
using System.Text;
using ChatOps.IntentRecognition;
using ChatOps.LarkBotAdapter.Tests.AppHost;
using ChatOps.LarkBotAdapter.Tests.Ops;
using ChatOps.TestKit.Lark;
using ChatOps.TestKit.QCli;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ChatOps.LarkBotAdapter.Tests.Alarms;

/// <summary>CloudWatch alarms as SNS events on /events, through the app to the fake Lark and the fake proxy: a root
/// card per episode in the alarm chat, the diagnosis in its thread, follow-ups there on the ops route, repeats and
/// redeliveries opening nothing, OK resolving, a storm summarised.</summary>
public sealed class AlarmThreadTests : IAsyncLifetime
{
    private const string Chat = "oc_alarms";
    private FakeQCliProxy _proxy = null!;
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);

    public async Task InitializeAsync() => _proxy = await FakeQCliProxy.StartAsync();

    public async Task DisposeAsync() => await _proxy.DisposeAsync();

    private Task<ChatOpsApp> StartAsync(Action<Dictionary<string, string?>>? more = null) => ChatOpsApp.StartAsync(
        s =>
        {
            foreach (var (key, value) in OpsTesting.Settings(_proxy.BaseAddress))
            {
                s[key] = value;
            }
            s["CHATOPS_EVENTS_ENDPOINT"] = "true";
            s["ALARM_CHANNELS"] = "lark:" + Chat;
            s["ALARM_ACCOUNT_PROFILES"] = AlarmNotification.Account + "=prod";
            more?.Invoke(s);
        },
        s =>
        {
            s.AddSingleton<TimeProvider>(_clock);
            // Only the thread's fixed route can send a question to the proxy here.
            s.AddSingleton<IIntentClassifier>(new FixedClassifier(Intent.OffTopic));
        });

    internal static async Task<HttpStatusCode> PostEventAsync(ChatOpsApp app, string json)
    {
        using var response = await app.Client.PostAsync("/events", new StringContent(json, Encoding.UTF8, "application/json"));
        await app.WhenIdleAsync();
        return response.StatusCode;
    }

    [Fact]
    public async Task AnAlarmOpensARootCardWhoseThreadGetsTheDiagnosisWithTheAccountsProfile()
    {
        await using var app = await StartAsync();

        Assert.Equal(HttpStatusCode.OK, await PostEventAsync(app, AlarmNotification.Firing().Event("m-1")));

        var root = Assert.Single(app.Lark.MessagesIn(Chat));
        Assert.Equal("interactive", root.MsgType);
        Assert.Contains("ALARM: checkout-api-5xx", root.Content, StringComparison.Ordinal);
        Assert.Contains("HTTPCode_Target_5XX_Count", root.Text, StringComparison.Ordinal);
        Assert.Contains("LoadBalancer=app/checkout/50dc6c495c0c9188", root.Text, StringComparison.Ordinal);
        Assert.Contains("> 5", root.Text, StringComparison.Ordinal);
        Assert.Contains("111111111111 / us-east-1", root.Text, StringComparison.Ordinal);
        Assert.Contains("https://us-east-1.console.aws.amazon.com/cloudwatch/home?region=us-east-1#alarmsV2:alarm/checkout-api-5xx", root.Content, StringComparison.Ordinal);
        var request = Assert.Single(_proxy.Accepted);
        Assert.Equal($"lark:{LarkEvent.DefaultAppId}:{Chat}:{root.MessageId}", request.ConversationId);
        Assert.Equal("prod", (string?)request.Json["awsProfile"]);
        Assert.Contains("\"checkout-api-5xx\"", request.Prompt, StringComparison.Ordinal);
        Assert.Contains("Threshold Crossed", request.Prompt, StringComparison.Ordinal);
        var diagnosis = string.Join("\n", app.Lark.RepliesTo(root.MessageId).Select(r => r.Text));
        Assert.Contains("Fake answer to: A CloudWatch alarm", diagnosis, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFollowUpInTheAlarmThreadWithoutAMentionGoesToTheOpsRoute()
    {
        await using var app = await StartAsync();
        await PostEventAsync(app, AlarmNotification.Firing().Event("m-1"));
        var root = Assert.Single(app.Lark.MessagesIn(Chat));

        var followUp = LarkEvent.Text("did a deploy go out just before?").InGroup(Chat).InThread(root.MessageId);
        (await app.SendLarkAsync(followUp.Build())).Dispose();
        await app.WhenIdleAsync();

        Assert.Equal(2, _proxy.Accepted.Count);
        var asked = _proxy.Accepted[1];
        Assert.Equal("did a deploy go out just before?", asked.Prompt);
        Assert.Equal($"lark:{LarkEvent.DefaultAppId}:{Chat}:{root.MessageId}", asked.ConversationId);
        Assert.Equal("prod", (string?)asked.Json["awsProfile"]);
        Assert.Contains(app.Lark.RepliesTo(followUp.MessageId), r => r.Text.Contains("Fake answer to: did a deploy", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ARedeliveryAndARepeatedNotificationOpenNothing()
    {
        await using var app = await StartAsync();
        var firing = AlarmNotification.Firing();
        await PostEventAsync(app, firing.Event("m-1"));

        Assert.Equal(HttpStatusCode.OK, await PostEventAsync(app, firing.Event("m-1")));
        Assert.Equal(HttpStatusCode.OK, await PostEventAsync(app, firing.Event("m-2")));
        Assert.Equal(HttpStatusCode.OK, await PostEventAsync(app, AlarmNotification.Firing(at: AlarmNotification.DefaultTime.AddMinutes(5)).Event("m-3")));

        Assert.Single(app.Lark.MessagesIn(Chat));
        Assert.Single(_proxy.Accepted);
    }

    [Fact]
    public async Task OkResolvesTheRootAndPostsOneLineAndALaterAlarmOpensANewEpisode()
    {
        await using var app = await StartAsync();
        await PostEventAsync(app, AlarmNotification.Firing().Event("m-1"));
        var root = Assert.Single(app.Lark.MessagesIn(Chat));

        Assert.Equal(HttpStatusCode.OK, await PostEventAsync(app, AlarmNotification.Ok().Event("m-2")));
        await PostEventAsync(app, AlarmNotification.Ok().Event("m-3"));

        var shown = app.Lark.MessageContent(root.MessageId)!;
        Assert.Contains("Resolved after 12 min: checkout-api-5xx", shown, StringComparison.Ordinal);
        Assert.Contains("\"green\"", shown, StringComparison.Ordinal);
        Assert.Equal(1, app.Lark.UpdatesOf(root.MessageId));
        Assert.Single(app.Lark.RepliesTo(root.MessageId), r => r.Text.Contains("Back to OK at 2026-12-07 19:13:02 UTC, after 12 min", StringComparison.Ordinal));

        await PostEventAsync(app, AlarmNotification.Firing(at: AlarmNotification.DefaultTime.AddHours(1)).Event("m-4"));
        Assert.Equal(2, app.Lark.MessagesIn(Chat).Count);
        Assert.Equal(2, _proxy.Accepted.Count);
    }

    [Fact]
    public async Task AStormGetsThreadsForTheFirstAlarmsAndOneSummaryForTheRest()
    {
        await using var app = await StartAsync(s => s["ALARM_MAX_THREADS_PER_MINUTE"] = "2");

        for (var i = 1; i <= 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, await PostEventAsync(app, AlarmNotification.Firing($"api-{i}-5xx").Event($"m-{i}")));
        }

        var messages = app.Lark.MessagesIn(Chat);
        Assert.Equal(3, messages.Count);
        Assert.Contains("ALARM: api-1-5xx", messages[0].Content, StringComparison.Ordinal);
        Assert.Contains("ALARM: api-2-5xx", messages[1].Content, StringComparison.Ordinal);
        var summary = app.Lark.MessageContent(messages[2].MessageId)!;
        Assert.Contains("Alarm storm: 3 more alarm(s)", summary, StringComparison.Ordinal);
        Assert.Contains("api-3-5xx, api-4-5xx, api-5-5xx", summary, StringComparison.Ordinal);
        Assert.Equal(2, _proxy.Accepted.Count);

        // A new clock minute starts a new share of threads.
        _clock.Advance(TimeSpan.FromMinutes(1));
        await PostEventAsync(app, AlarmNotification.Firing("api-6-5xx").Event("m-6"));
        Assert.Equal(4, app.Lark.MessagesIn(Chat).Count);
        Assert.Equal(3, _proxy.Accepted.Count);
    }

    [Fact]
    public async Task InsufficientDataIsHiddenUnlessAskedFor()
    {
        await using (var app = await StartAsync())
        {
            Assert.Equal(HttpStatusCode.OK, await PostEventAsync(app, AlarmNotification.NoData().Event("m-1")));
            Assert.Empty(app.Lark.MessagesIn(Chat));
        }
        await using (var app = await StartAsync(s => s["ALARM_SHOW_INSUFFICIENT_DATA"] = "true"))
        {
            await PostEventAsync(app, AlarmNotification.NoData().Event("m-1"));
            Assert.Contains("INSUFFICIENT_DATA: checkout-api-5xx", Assert.Single(app.Lark.MessagesIn(Chat)).Content, StringComparison.Ordinal);
        }
        Assert.Empty(_proxy.Accepted);
    }

    [Fact]
    public async Task AnSnsMessageThatIsNotAnAlarmIsAcknowledgedAndIgnored()
    {
        await using var app = await StartAsync();

        var status = await PostEventAsync(app, AlarmNotification.SnsEvent(("m-1", "Hello from SNS!"), ("m-2", "{\"notificationType\":\"Delivery\"}")));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Empty(app.Lark.Replies);
        Assert.Contains(app.Logs.Lines, l => l.Contains("m-1", StringComparison.Ordinal) && l.Contains("not a CloudWatch alarm", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("NewStateValue", "\"FIRING\"")]
    [InlineData("AlarmArn", "\"arn:aws:sqs:us-east-1:111111111111:queue\"")]
    [InlineData("StateChangeTime", "\"yesterday\"")]
    [InlineData("AWSAccountId", "\"222222222222\"")]
    [InlineData("AlarmName", "42")]
    public async Task AMalformedAlarmIsRefusedWithNothingDone(string field, string json)
    {
        await using var app = await StartAsync();
        var good = AlarmNotification.Firing("good-alarm").Event("m-0");
        var bad = AlarmNotification.Firing().Set(field, System.Text.Json.Nodes.JsonNode.Parse(json));

        var status = await PostEventAsync(app, AlarmNotification.SnsEvent(("m-0", AlarmNotification.Firing("good-alarm").Message), ("m-1", bad.Message)));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Empty(app.Lark.Replies);
        Assert.Empty(_proxy.Accepted);
        // Nothing was claimed: the good alarm, sent alone, still opens its thread.
        await PostEventAsync(app, good);
        Assert.Single(app.Lark.MessagesIn(Chat));
    }

    [Fact]
    public async Task AnSnsEventWithoutItsMessageIsRefused()
    {
        await using var app = await StartAsync();

        var status = await PostEventAsync(app, """{"Records":[{"EventSource":"aws:sns","Sns":{"MessageId":"m-1"}}]}""");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Empty(app.Lark.Replies);
    }

    internal sealed class FixedClassifier(Intent intent) : IIntentClassifier
    {
        public Task<IntentResult> ClassifyAsync(IntentRequest request, CancellationToken cancellationToken) =>
            Task.FromResult(new IntentResult(intent, "test"));
    }
}
