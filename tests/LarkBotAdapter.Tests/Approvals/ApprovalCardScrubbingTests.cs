using System.Text.Json.Nodes;
using ChatOps.LarkBotAdapter.Tests.AppHost;
using ChatOps.LarkBotAdapter.Tests.Ops;
using ChatOps.LarkBotAdapter.Tests.Scrubbing;
using ChatOps.TestKit.Lark;
using ChatOps.TestKit.QCli;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ChatOps.LarkBotAdapter.Tests.Approvals;

/// <summary>What the approver sees on Lark is scrubbed wherever the card goes out: the posted card, the card the
/// callback returns at once (an expired card's click included), and the result posted after the run.</summary>
public sealed class ApprovalCardScrubbingTests : IAsyncLifetime
{
    private const string Approver = "ou_test_approver";
    private const string Question = "@_user_1 the prod EC2 instances in us-east-1a are failing status checks, please open a support case";
    private FakeQCliProxy _proxy = null!;
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);

    public async Task InitializeAsync() => _proxy = await FakeQCliProxy.StartAsync();

    public async Task DisposeAsync() => await _proxy.DisposeAsync();

    // A support case whose title and body carry credentials the model copied from what it read.
    internal static FakeProposal Leaky(string conversationId) => new(
        "P-8SCRB1",
        "support_case",
        $"Open an AWS Support case: logins fail with password={FakeSecrets.Password}",
        [
            ("subject", "RDS logins fail"),
            ("severity_code", "high"),
            ("communication_body", $"The app uses aws_secret_access_key = {FakeSecrets.SecretKey}\nand db_password={FakeSecrets.Password} since 09:40 UTC."),
        ],
        "prod",
        conversationId);

    private async Task<ChatOpsApp> StartAsync()
    {
        var lark = await ChatOpsApp.StartLarkAsync();
        return await ChatOpsApp.StartAsync(
            settings =>
            {
                foreach (var (key, value) in OpsTesting.Settings(_proxy.BaseAddress))
                {
                    settings[key] = value;
                }
                settings["OPS_APPROVER_IDS"] = $"lark:{Approver}";
                settings["CHATOPS_LIVE_REPLIES"] = "false";
                // Short, so an expired click is still within the callback's accepted age.
                settings["OPS_APPROVAL_TTL_MINUTES"] = "30";
            },
            services => services.AddSingleton<TimeProvider>(_clock),
            lark);
    }

    private async Task<(LarkEvent Question, LarkReply Card)> ProposeAsync(ChatOpsApp app)
    {
        var message = LarkEvent.Text(Question).MentioningBot();
        var proposal = Leaky($"lark:{LarkEvent.DefaultAppId}:{LarkEvent.DefaultChatId}:{message.MessageId}");
        _proxy.Enqueue(FakeQCliReply.Chunks("Logins fail. ").Proposal(proposal).Chunk("I proposed a support case.").Done());
        (await app.SendLarkAsync(message.Build())).Dispose();
        await app.WhenIdleAsync();
        return (message, app.Lark.RepliesTo(message.MessageId).First(r => r.MsgType == "interactive" && !r.IsAnswer));
    }

    [Fact]
    public async Task PostedCardShowsTitleAndBodyMasked()
    {
        await using var app = await StartAsync();
        await using var _ = app.Lark;

        var (_, card) = await ProposeAsync(app);

        var json = app.Lark.MessageContent(card.MessageId)!;
        FakeSecrets.AssertNoneIn(json);
        Assert.Contains("password=[redacted: password]", json, StringComparison.Ordinal);
        Assert.Contains("[redacted: aws secret key]", json, StringComparison.Ordinal);
        Assert.Contains("values that look like credentials are masked here", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CardReturnedToAClickOnAnExpiredCardIsMaskedToo()
    {
        await using var app = await StartAsync();
        await using var _ = app.Lark;
        var (_, card) = await ProposeAsync(app);

        _clock.Advance(TimeSpan.FromMinutes(31));
        var (_, body) = await ApprovalFlowTests.ClickAsync(app, card, Approver, approve: true);

        var returned = body.GetProperty("card").GetProperty("data").GetRawText();
        Assert.Contains("Expired", returned, StringComparison.Ordinal);
        FakeSecrets.AssertNoneIn(returned);
        Assert.Contains("[redacted: aws secret key]", returned, StringComparison.Ordinal);
        Assert.Empty(_proxy.Executions);
    }

    [Fact]
    public async Task ResultWithASecretIsPostedAndShownOnTheCardMasked()
    {
        _proxy.ExecuteResult = _ => new JsonObject
        {
            ["status"] = "done",
            ["summary"] = $"Case opened; the CLI echoed password={FakeSecrets.Password}",
            ["exitCode"] = 0,
            ["output"] = $"aws_secret_access_key = {FakeSecrets.SecretKey}\n{FakeSecrets.AccessKeyId} {FakeSecrets.SecretKey}",
            ["executedAt"] = "2026-12-05T10:05:00+00:00",
        }.ToJsonString();
        await using var app = await StartAsync();
        await using var _ = app.Lark;
        var (question, card) = await ProposeAsync(app);

        await ApprovalFlowTests.ClickAsync(app, card, Approver, approve: true);

        var result = Assert.Single(app.Lark.RepliesTo(question.MessageId), r => r.IsAnswer && r.Text.Contains("Done:", StringComparison.Ordinal));
        FakeSecrets.AssertNoneIn(result.Content);
        Assert.Contains("[redacted: aws secret key]", result.Text, StringComparison.Ordinal);
        var updated = app.Lark.MessageContent(card.MessageId)!;
        Assert.Contains("Done:", updated, StringComparison.Ordinal);
        FakeSecrets.AssertNoneIn(updated);
    }
}
