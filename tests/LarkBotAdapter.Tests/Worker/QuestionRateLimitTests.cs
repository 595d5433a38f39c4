using ChatOps.LarkBotAdapter.Jobs;
using ChatOps.LarkBotAdapter.State;
using ChatOps.LarkBotAdapter.Tests.AppHost;
using ChatOps.LarkBotAdapter.Worker;
using ChatOps.TestKit;
using ChatOps.TestKit.Dynamo;
using ChatOps.TestKit.Lark;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace ChatOps.LarkBotAdapter.Tests.Worker;

/// <summary>CHATOPS_USER_QUESTIONS_PER_MINUTE through the real app: over the limit, the answer is a polite "please wait".</summary>
[Collection(DynaliteFixture.Collection)]
public sealed class QuestionRateLimitTests(DynaliteFixture dynalite)
{
    private const string Question = "@_user_1 tell me a joke about cats";

    // 15 s into a minute, so the limited asker is told to wait 45 s.
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2025, 1, 15, 9, 30, 15, TimeSpan.Zero));

    private Task<ChatOpsApp> StartAsync(int perMinute, Action<Dictionary<string, string?>>? settings = null, FakeLarkOpenApi? lark = null) =>
        ChatOpsApp.StartAsync(
            s =>
            {
                s["CHATOPS_USER_QUESTIONS_PER_MINUTE"] = perMinute.ToString(System.Globalization.CultureInfo.InvariantCulture);
                settings?.Invoke(s);
            },
            services => services.AddTransient(sp => new QuestionRateLimit(
                sp.GetRequiredService<IStateStore>(), sp.GetRequiredService<WorkerOptions>(), _clock, NullLogger<QuestionRateLimit>.Instance)),
            lark);

    private static async Task<LarkEvent> AskAsync(ChatOpsApp app, string text = Question, string? sender = null)
    {
        var message = LarkEvent.Text(text).MentioningBot();
        if (sender is not null)
        {
            message = message.From(sender);
        }
        (await app.SendLarkAsync(message.Build())).Dispose();
        await app.WhenIdleAsync();
        return message;
    }

    [Fact]
    public async Task QuestionOverTheLimitGetsOnePoliteReplySayingHowLongToWait()
    {
        await using var app = await StartAsync(perMinute: 2);

        var answered = new[] { await AskAsync(app), await AskAsync(app) };
        var limited = await AskAsync(app);

        Assert.All(answered, m => Assert.Contains("Sorry", Assert.Single(app.Lark.RepliesTo(m.MessageId)).Text, StringComparison.Ordinal));
        var reply = Assert.Single(app.Lark.RepliesTo(limited.MessageId)).Text;
        Assert.Contains("2 questions in the last minute", reply, StringComparison.Ordinal);
        Assert.Contains("wait 45 seconds", reply, StringComparison.Ordinal);
        Assert.DoesNotContain("Sorry", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LimitedMessageIsClaimedOnceAndAnsweredOnceWhenDeliveredAgain()
    {
        await using var app = await StartAsync(perMinute: 1);
        await AskAsync(app);
        var limited = LarkEvent.Text(Question).MentioningBot();

        (await app.SendLarkAsync(limited.Build())).Dispose();
        (await app.SendLarkAsync(limited.Build())).Dispose();
        await app.WhenIdleAsync();

        Assert.Contains("wait", Assert.Single(app.Lark.RepliesTo(limited.MessageId)).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheNextMinuteAndOtherUsersAreAnswered()
    {
        await using var app = await StartAsync(perMinute: 1);
        await AskAsync(app);

        var otherUser = await AskAsync(app, sender: "ou_other_user");
        _clock.Advance(TimeSpan.FromSeconds(45));
        var nextMinute = await AskAsync(app);

        Assert.Contains("Sorry", Assert.Single(app.Lark.RepliesTo(otherUser.MessageId)).Text, StringComparison.Ordinal);
        Assert.Contains("Sorry", Assert.Single(app.Lark.RepliesTo(nextMinute.MessageId)).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChineseQuestionOverTheLimitIsAskedToWaitInChinese()
    {
        await using var app = await StartAsync(perMinute: 1);
        await AskAsync(app, "@_user_1 给我讲个笑话");

        var limited = await AskAsync(app, "@_user_1 再讲一个笑话");

        Assert.Contains("请等 45 秒", Assert.Single(app.Lark.RepliesTo(limited.MessageId)).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ZeroTurnsTheLimitOff()
    {
        await using var app = await StartAsync(perMinute: 0);

        var messages = new[] { await AskAsync(app), await AskAsync(app), await AskAsync(app) };

        Assert.All(messages, m => Assert.Contains("Sorry", Assert.Single(app.Lark.RepliesTo(m.MessageId)).Text, StringComparison.Ordinal));
    }

    [Fact]
    public void DefaultIsSixQuestionsPerMinute()
    {
        var options = new WorkerOptions();
        options.Load(new ConfigurationBuilder().Build());
        Assert.Equal(6, options.UserQuestionsPerMinute);
    }

    [DynaliteFact]
    public async Task InstancesSharingATableShareTheCount()
    {
        var table = await dynalite.CreateTableAsync("ratelimit");
        void Shared(Dictionary<string, string?> s)
        {
            s["CHATOPS_STATE_TABLE"] = table;
            s["AWS_ENDPOINT_URL_DYNAMODB"] = dynalite.Server.Endpoint.ToString();
        }
        await using var lark = await ChatOpsApp.StartLarkAsync();
        await using var one = await StartAsync(perMinute: 1, Shared, lark);
        await using var two = await StartAsync(perMinute: 1, Shared, lark);

        var first = await AskAsync(one);
        var second = await AskAsync(two);

        Assert.Contains("Sorry", Assert.Single(lark.RepliesTo(first.MessageId)).Text, StringComparison.Ordinal);
        Assert.Contains("wait 45 seconds", Assert.Single(lark.RepliesTo(second.MessageId)).Text, StringComparison.Ordinal);
    }
}
