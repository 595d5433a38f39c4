using System.Diagnostics;
using System.Net;
using System.Text.Json;
using ChatOps.LarkBotAdapter.Channels.Lark;
using ChatOps.LarkBotAdapter.Ingress;
using ChatOps.LarkBotAdapter.Tests.AppHost;
using ChatOps.LarkBotAdapter.Tests.Channels.Slack;
using ChatOps.TestKit.Dynamo;
using ChatOps.TestKit.Lark;
using ChatOps.TestKit.Slack;
using ChatOps.TestKit.Time;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace ChatOps.LarkBotAdapter.Tests.Faults;

/// <summary>The DynamoDB state table unreachable when a message arrives: the ingress fails closed (503, the platform
/// redelivers) and tells the asker once, in the thread, that the answer comes on redelivery.</summary>
[Collection(DynaliteFixture.Collection)]
public sealed class StateStoreFaultTests(DynaliteFixture dynalite, ITestOutputHelper output)
{
    private const string StoreDown = "my state store is unavailable";

    // The ack path's budgets (claim 1.8 s, notice within 2.5 s) run on a clock 4 times slower here: on a loaded machine
    // a redelivery's notice sometimes found its budget spent and was skipped. TurnAdmissionTests cover the budgets.
    private static void SlowClock(IServiceCollection services) => services.AddSingleton<TimeProvider>(new SlowedTimeProvider(4));

    private async Task<(DynamoOutage Outage, Action<Dictionary<string, string?>> Settings)> TableBehindOutageAsync()
    {
        var table = await dynalite.CreateTableAsync("faults");
        var outage = await DynamoOutage.StartAsync(dynalite.Server.Endpoint);
        return (outage, s =>
        {
            s["CHATOPS_STATE_TABLE"] = table;
            s["AWS_ENDPOINT_URL_DYNAMODB"] = outage.Endpoint.ToString();
        });
    }

    [DynaliteTheory]
    [InlineData(DynamoOutageMode.ServerErrors)]
    [InlineData(DynamoOutageMode.ConnectionReset)]
    public async Task LarkMessageDuringAnOutageIsRefusedWithOneNoticeAndAnsweredOnceOnRedelivery(DynamoOutageMode mode)
    {
        var (outage, settings) = await TableBehindOutageAsync();
        await using var disposeOutage = outage;
        await using var app = await ChatOpsApp.StartAsync(settings, SlowClock);
        var message = LarkEvent.Text("@_user_1 tell me a joke").MentioningBot();
        outage.Mode = mode;

        for (var delivery = 0; delivery < 3; delivery++)
        {
            var clock = Stopwatch.StartNew();
            using var refused = await app.SendLarkAsync(message.Build());
            output.WriteLine($"delivery {delivery}: {(int)refused.StatusCode} after {clock.ElapsedMilliseconds} ms");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        }
        await app.WhenIdleAsync();
        var notice = Assert.Single(app.Lark.RepliesTo(message.MessageId));
        Assert.StartsWith("⚠️ I can't take this message right now: " + StoreDown, notice.Text, StringComparison.Ordinal);
        Assert.Equal(LarkChatChannel.NoticeIdempotencyKey(message.MessageId, TurnAdmission.StoreUnavailableNotice), notice.Uuid);
        Assert.Equal(2, app.Lark.RepeatedUuids); // the redeliveries' notices, collapsed by Lark

        outage.Mode = DynamoOutageMode.None;
        using (var accepted = await app.SendLarkAsync(message.Build()))
        {
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        }
        (await app.SendLarkAsync(message.Build())).Dispose();
        await app.WhenIdleAsync();

        var thread = app.Lark.RepliesTo(message.MessageId);
        Assert.Equal(2, thread.Count);
        Assert.StartsWith("Sorry, that's outside what I can help with.", thread[1].Text, StringComparison.Ordinal);
        Assert.Equal(2, app.Lark.RepeatedUuids);
        UserView.NoSecrets(app);
    }

    [DynaliteFact]
    public async Task ChineseQuestionGetsTheNoticeInChinese()
    {
        var (outage, settings) = await TableBehindOutageAsync();
        await using var disposeOutage = outage;
        await using var app = await ChatOpsApp.StartAsync(settings, SlowClock);
        outage.Mode = DynamoOutageMode.ServerErrors;
        var message = LarkEvent.Text("@_user_1 给我讲个笑话").MentioningBot();

        (await app.SendLarkAsync(message.Build())).Dispose();

        Assert.StartsWith("⚠️ 我暂时无法接收这条消息：状态存储不可用", Assert.Single(app.Lark.RepliesTo(message.MessageId)).Text, StringComparison.Ordinal);
    }

    [DynaliteFact]
    public async Task MessageThatMayBeForSomeoneElseGetsNoNoticeWhileTheBotDoesNotKnowItsOwnId()
    {
        var (outage, settings) = await TableBehindOutageAsync();
        await using var disposeOutage = outage;
        var lark = await ChatOpsApp.StartLarkAsync();
        await using var disposeLark = lark;
        lark.BotInfoDown = true;
        await using var app = await ChatOpsApp.StartAsync(settings, SlowClock, lark);
        outage.Mode = DynamoOutageMode.ServerErrors;
        var toColleague = LarkEvent.Text("@_user_1 can you look at the deploy?").Mentioning("ou_test_colleague", "Colleague");

        using var refused = await app.SendLarkAsync(toColleague.Build());
        await app.WhenIdleAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Empty(app.Lark.RepliesTo(toColleague.MessageId));
        Assert.Equal(0, app.Lark.ReplyAttempts);
    }

    [DynaliteFact]
    public async Task SlackMentionDuringAnOutageIsNoticedOnceAcrossItsEventsAndRedeliveriesAndAnsweredOnRedelivery()
    {
        var (outage, settings) = await TableBehindOutageAsync();
        await using var disposeOutage = outage;
        await using var app = await SlackApp.StartAsync(SlowClock, settings);
        outage.Mode = DynamoOutageMode.ServerErrors;
        var mention = SlackEvent.AppMention($"<@{FakeSlackWebApi.DefaultBotUserId}> tell me a joke");

        using (var first = await app.SendEventAsync(mention.Build()))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, first.StatusCode);
        }
        // A channel mention also arrives as a plain message event, a first delivery of its own.
        var copy = mention.Build().Replace("\"type\":\"app_mention\"", "\"type\":\"message\"", StringComparison.Ordinal);
        using (var copied = await app.SendEventAsync(copy))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, copied.StatusCode);
        }
        using (var retry = await app.SendEventAsync(mention.Build(), retryNum: 1))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, retry.StatusCode);
        }
        var notice = Assert.Single(app.Slack.Posts);
        Assert.Equal(mention.Ts, notice.ThreadTs);
        Assert.Contains(StoreDown, notice.Text, StringComparison.Ordinal);

        outage.Mode = DynamoOutageMode.None;
        (await app.SendEventAsync(mention.Build(), retryNum: 2)).Dispose();
        await app.WhenIdleAsync();

        var thread = app.Slack.PostsIn(mention.Channel, mention.Ts);
        Assert.Equal(2, thread.Count);
        Assert.StartsWith("Sorry, that", thread[1].Text, StringComparison.Ordinal);
        UserView.NoSecrets(app.App, app.Slack.Posts.Select(p => p.Text));
    }

    [DynaliteFact]
    public async Task SlashCommandDuringAnOutageIsToldAtOnceToTryAgain()
    {
        var (outage, settings) = await TableBehindOutageAsync();
        await using var disposeOutage = outage;
        await using var app = await SlackApp.StartAsync(SlowClock, settings);
        outage.Mode = DynamoOutageMode.ServerErrors;

        using var response = await app.SendCommandAsync(SlackCommand.Ask("tell me a joke", app.Slack.NewResponseUrl()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("ephemeral", json.RootElement.GetProperty("response_type").GetString());
        var text = json.RootElement.GetProperty("text").GetString()!;
        Assert.Contains(StoreDown, text, StringComparison.Ordinal);
        Assert.Contains("try again", text, StringComparison.Ordinal);
        await app.WhenIdleAsync();
        Assert.Empty(app.Slack.Posts);
        UserView.NoSecrets(app.App);
    }
}
