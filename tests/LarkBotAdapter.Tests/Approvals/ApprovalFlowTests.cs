using System.Net;
using System.Text.Json;
using ChatOps.LarkBotAdapter.Approvals;
using ChatOps.LarkBotAdapter.Local;
using ChatOps.LarkBotAdapter.Tests.AppHost;
using ChatOps.LarkBotAdapter.Tests.Ops;
using ChatOps.TestKit.Lark;
using ChatOps.TestKit.QCli;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ChatOps.LarkBotAdapter.Tests.Approvals;

/// <summary>The agent proposes, a named person approves in the thread, the proxy does exactly what was approved, once.
/// Lark end to end: the proposal line from the (fake) proxy, the approval card, clicks on /lark/cards, plain replies,
/// the execute call and the result in the thread.</summary>
public sealed class ApprovalFlowTests : IAsyncLifetime
{
    private const string Approver = "ou_test_approver";
    private const string Question = "@_user_1 the prod EC2 instances in us-east-1a are failing status checks, please open a support case";
    private FakeQCliProxy _proxy = null!;
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);

    public async Task InitializeAsync() => _proxy = await FakeQCliProxy.StartAsync();

    public async Task DisposeAsync() => await _proxy.DisposeAsync();

    // fakeClock: the test's clock drives expiry; off where retries must wait real (1 ms) delays.
    private async Task<ChatOpsApp> StartAsync(Action<Dictionary<string, string?>>? more = null, bool fakeClock = true)
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
                more?.Invoke(settings);
            },
            services =>
            {
                if (fakeClock)
                {
                    services.AddSingleton<TimeProvider>(_clock);
                }
            },
            lark);
    }

    // Asks the ops question; the proxy answers with a proposal between two chunks. Returns the question and the card.
    private async Task<(LarkEvent Question, FakeProposal Proposal, LarkReply Card)> ProposeAsync(ChatOpsApp app, string? hash = null)
    {
        var message = LarkEvent.Text(Question).MentioningBot();
        var proposal = FakeProposal.SupportCase("P-7Q2K9", $"lark:{LarkEvent.DefaultAppId}:{LarkEvent.DefaultChatId}:{message.MessageId}");
        _proxy.Enqueue(FakeQCliReply.Chunks("Three instances fail their status checks. ").Proposal(proposal, hash).Chunk("I proposed a support case.").Done());
        (await app.SendLarkAsync(message.Build())).Dispose();
        await app.WhenIdleAsync();
        var card = app.Lark.RepliesTo(message.MessageId).FirstOrDefault(r => r.MsgType == "interactive" && !r.IsAnswer);
        return (message, proposal, card!);
    }

    internal static async Task<(HttpStatusCode Status, JsonElement Body)> ClickAsync(ChatOpsApp app, LarkReply card, string who, bool approve)
    {
        // The buttons as first shown: a second click comes from a client that has not refreshed the card yet.
        var value = Buttons(card.Content)[approve ? 0 : 1];
        using var response = await app.SendLarkCardAsync(LarkCardClick.Button(value).By(who).OnMessage(card.MessageId).Build());
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        await app.WhenIdleAsync();
        return (response.StatusCode, body);
    }

    // The callback values of the card's buttons, in order.
    private static List<Dictionary<string, string>> Buttons(string cardJson)
    {
        var buttons = new List<Dictionary<string, string>>();
        void Walk(JsonElement e)
        {
            if (e.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in e.EnumerateArray())
                {
                    Walk(item);
                }
            }
            else if (e.ValueKind == JsonValueKind.Object)
            {
                if (e.TryGetProperty("tag", out var tag) && tag.GetString() == "button")
                {
                    buttons.Add(e.GetProperty("behaviors")[0].GetProperty("value").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!));
                }
                foreach (var property in e.EnumerateObject())
                {
                    Walk(property.Value);
                }
            }
        }
        Walk(JsonDocument.Parse(cardJson).RootElement);
        return buttons;
    }

    internal static string Toast(JsonElement body) => body.GetProperty("toast").GetProperty("content").GetString()!;

    [Fact]
    public async Task ProposalBecomesACardShowingEveryArgumentWhoMayApproveAndTheExpiry()
    {
        await using var app = await StartAsync();
        await using var _ = app.Lark;
        var (question, proposal, card) = await ProposeAsync(app);

        Assert.Equal("2", Assert.Single(_proxy.Requests).Header("X-ChatOps-Protocol"));
        Assert.NotNull(card);
        var json = app.Lark.MessageContent(card.MessageId)!;
        Assert.Contains("Approval needed: Open an AWS Support case", json, StringComparison.Ordinal);
        foreach (var (_, value) in proposal.Fields.Where(f => !f.Value.Contains('\n', StringComparison.Ordinal)))
        {
            Assert.Contains($"`{value}`", json, StringComparison.Ordinal);
        }
        Assert.Contains($"<at id={Approver}></at>", json, StringComparison.Ordinal);
        Assert.Contains($"<at id={LarkEvent.DefaultSenderId}></at>", json, StringComparison.Ordinal);
        Assert.Contains("Expires ", json, StringComparison.Ordinal);
        Assert.Equal(["approve", "reject"], Buttons(json).Select(b => b["decision"]));
        Assert.All(Buttons(json), b => Assert.Equal(proposal.Hash, b["hash"]));
        var answer = string.Join("\n", app.Lark.RepliesTo(question.MessageId).Where(r => r.IsAnswer).Select(r => r.Text));
        Assert.Contains("Proposal P-7Q2K9", answer, StringComparison.Ordinal);
        Assert.Contains("I proposed a support case.", answer, StringComparison.Ordinal);
        Assert.Empty(_proxy.Executions);
    }

    [Fact]
    public async Task ApproverClickRunsItOnceAndTheThreadGetsTheResultAndTheCardSaysDone()
    {
        await using var app = await StartAsync();
        await using var _ = app.Lark;
        var (question, proposal, card) = await ProposeAsync(app);

        var (status, body) = await ClickAsync(app, card, Approver, approve: true);
        var again = await ClickAsync(app, card, Approver, approve: true);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.StartsWith("Approved.", Toast(body), StringComparison.Ordinal);
        Assert.Equal("raw", body.GetProperty("card").GetProperty("type").GetString());
        Assert.StartsWith("Already decided", Toast(again.Body), StringComparison.Ordinal);
        Assert.Equal([proposal.Id], _proxy.Executions);
        var execute = Assert.Single(_proxy.Requests, r => r.Path.EndsWith("/execute", StringComparison.Ordinal));
        Assert.Equal(proposal.Hash, (string?)execute.Json["argumentsHash"]);
        Assert.Equal($"lark:{Approver}", (string?)execute.Json["approvedBy"]);
        var result = Assert.Single(app.Lark.RepliesTo(question.MessageId), r => r.IsAnswer && r.Text.Contains("Done: Open an AWS Support case", StringComparison.Ordinal));
        Assert.Contains("case-123456789012-muen-2026-1", result.Text, StringComparison.Ordinal);
        Assert.Contains("Done: Open an AWS Support case", app.Lark.MessageContent(card.MessageId), StringComparison.Ordinal);
        Assert.DoesNotContain("\"button\"", app.Lark.MessageContent(card.MessageId), StringComparison.Ordinal);
    }

    // Lark reads approval buttons as strictly as Slack: a missing or malformed hash is refused before the desk is asked
    // (the hash used to default to "", and the desk compared it ignoring case).
    [Theory]
    [InlineData("missing")]
    [InlineData("capitals")]
    [InlineData("short")]
    public async Task ButtonWhoseHashIsMissingOrMalformedIsRefusedAndNothingRuns(string how)
    {
        await using var app = await StartAsync();
        await using var _ = app.Lark;
        var (_, proposal, card) = await ProposeAsync(app);
        var value = Buttons(card.Content)[0];
        if (how == "missing")
        {
            value.Remove("hash");
        }
        else
        {
            value["hash"] = how == "capitals" ? proposal.Hash.ToUpperInvariant() : proposal.Hash[..63];
        }

        using var response = await app.SendLarkCardAsync(LarkCardClick.Button(value).By(Approver).OnMessage(card.MessageId).Build());
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        await app.WhenIdleAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("info", body.GetProperty("toast").GetProperty("type").GetString());
        Assert.Equal("This button is no longer active.", Toast(body));
        Assert.DoesNotContain("card", body.EnumerateObject().Select(p => p.Name));
        Assert.Empty(_proxy.Executions);
        Assert.Contains("Approval needed", app.Lark.MessageContent(card.MessageId), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OthersCannotApproveTheAskerOnlyWithSelfApprovalAndAToastSaysWhoMay()
    {
        await using var app = await StartAsync();
        await using var _ = app.Lark;
        var (_, _, card) = await ProposeAsync(app);

        var stranger = await ClickAsync(app, card, "ou_test_stranger", approve: true);
        var asker = await ClickAsync(app, card, LarkEvent.DefaultSenderId, approve: true);

        Assert.Equal($"Only these approvers may approve this: {Approver}.", Toast(stranger.Body));
        Assert.Equal("warning", stranger.Body.GetProperty("toast").GetProperty("type").GetString());
        Assert.Equal(Toast(stranger.Body), Toast(asker.Body));
        Assert.Empty(_proxy.Executions);
        Assert.Contains("Approval needed", app.Lark.MessageContent(card.MessageId), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithSelfApprovalAnApproverMayApproveTheirOwnQuestion()
    {
        await using var app = await StartAsync(s =>
        {
            s["OPS_APPROVER_IDS"] = LarkEvent.DefaultSenderId;
            s["OPS_SELF_APPROVAL"] = "true";
        });
        await using var _ = app.Lark;
        var (_, proposal, card) = await ProposeAsync(app);

        await ClickAsync(app, card, LarkEvent.DefaultSenderId, approve: true);

        Assert.Equal([proposal.Id], _proxy.Executions);
    }

    [Fact]
    public async Task RejectedProposalIsNeverRunAndTheCardSaysWhoRejectedIt()
    {
        await using var app = await StartAsync();
        await using var _ = app.Lark;
        var (_, _, card) = await ProposeAsync(app);

        var (_, body) = await ClickAsync(app, card, Approver, approve: false);
        var late = await ClickAsync(app, card, Approver, approve: true);

        Assert.Equal("Rejected. Nothing will be done.", Toast(body));
        Assert.StartsWith("Already decided: Rejected by ou_test_approver", Toast(late.Body), StringComparison.Ordinal);
        Assert.Empty(_proxy.Executions);
        Assert.Contains("Rejected: Open an AWS Support case", app.Lark.MessageContent(card.MessageId), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProposalExpiresAfterItsTimeAndCannotBeApprovedThen()
    {
        await using var app = await StartAsync(s => s["OPS_APPROVAL_TTL_MINUTES"] = "30");
        await using var _ = app.Lark;
        var (_, _, card) = await ProposeAsync(app);

        _clock.Advance(TimeSpan.FromMinutes(31));
        var (_, body) = await ClickAsync(app, card, Approver, approve: true);

        Assert.StartsWith("This proposal has expired", Toast(body), StringComparison.Ordinal);
        Assert.Empty(_proxy.Executions);
        Assert.Contains("Expired: Open an AWS Support case", app.Lark.MessageContent(card.MessageId), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExecuteCallWhoseAnswerWasLostIsRetriedAndRunsOnce()
    {
        await using var app = await StartAsync(fakeClock: false);
        await using var _ = app.Lark;
        var (question, proposal, card) = await ProposeAsync(app);
        _proxy.ExecuteFaults.Enqueue(0);
        _proxy.ExecuteFaults.Enqueue(502);

        await ClickAsync(app, card, Approver, approve: true);

        // Every retry is signed afresh in a later second: the proxy's replay guard refuses a signature it has seen.
        Assert.Equal(3, _proxy.Requests.Count(r => r.Path.EndsWith("/execute", StringComparison.Ordinal) && r.Accepted));
        Assert.Equal([proposal.Id], _proxy.Executions);
        Assert.Single(app.Lark.RepliesTo(question.MessageId), r => r.IsAnswer && r.Text.Contains("Done: Open an AWS Support case", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ProposalWhoseArgumentsDoNotMatchItsHashIsNeverOfferedForApproval()
    {
        await using var app = await StartAsync();
        await using var _ = app.Lark;
        var (question, _, card) = await ProposeAsync(app, hash: new string('0', 64));

        Assert.Null(card);
        Assert.Contains(app.Lark.RepliesTo(question.MessageId), r => r.IsAnswer && r.Text.Contains("arrived damaged and is not offered for approval", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ProxyRefusingTheHashEndsInAFailedCardAndNothingRuns()
    {
        await using var app = await StartAsync();
        await using var _ = app.Lark;
        var (question, _, card) = await ProposeAsync(app);
        _proxy.ExecuteFaults.Enqueue(409);

        await ClickAsync(app, card, Approver, approve: true);

        Assert.Contains(app.Lark.RepliesTo(question.MessageId), r => r.IsAnswer && r.Text.Contains("the arguments are not the ones it proposed", StringComparison.Ordinal));
        Assert.Contains("Failed: Open an AWS Support case", app.Lark.MessageContent(card.MessageId), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PlainApproveReplyFromTheApproverInTheThreadRunsIt()
    {
        await using var app = await StartAsync();
        await using var _ = app.Lark;
        var (question, proposal, card) = await ProposeAsync(app);

        var stranger = LarkEvent.Text("Approve").InThread(question.MessageId).From("ou_test_stranger");
        (await app.SendLarkAsync(stranger.Build())).Dispose();
        await app.WhenIdleAsync();
        var approver = LarkEvent.Text("Approve").InThread(question.MessageId).From(Approver);
        (await app.SendLarkAsync(approver.Build())).Dispose();
        await app.WhenIdleAsync();

        Assert.Contains(app.Lark.RepliesTo(stranger.MessageId), r => r.IsAnswer && r.Text.Contains("Only these approvers may approve this", StringComparison.Ordinal));
        Assert.Contains(app.Lark.RepliesTo(approver.MessageId), r => r.IsAnswer && r.Text.Contains("Approved.", StringComparison.Ordinal));
        Assert.Equal([proposal.Id], _proxy.Executions);
        Assert.Contains("Done: Open an AWS Support case", app.Lark.MessageContent(card.MessageId), StringComparison.Ordinal);
        Assert.Single(_proxy.Requests, r => r.Path == "/v1/chat");
    }

    [Fact]
    public async Task EveryStepIsInTheAuditTrailAndTheAuditCommandPrintsIt()
    {
        await using var app = await StartAsync();
        await using var _ = app.Lark;
        var (_, proposal, card) = await ProposeAsync(app);
        await ClickAsync(app, card, Approver, approve: true);

        var entries = await app.Services.GetRequiredService<IApprovalStore>().ListAuditAsync(_clock.GetUtcNow().AddDays(-1), CancellationToken.None);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await AuditCommand.RunAsync(app.Services, ["--since", "1d"], output, error);

        Assert.Equal(["proposed", "approved", "executed"], entries.Select(e => e.Event));
        Assert.All(entries, e => Assert.Equal((proposal.Id, proposal.Hash, "prod"), (e.ProposalId, e.ArgumentsHash, e.Profile)));
        Assert.Equal($"lark:{Approver}", entries[1].Who);
        Assert.Equal(0, exit);
        Assert.Contains("3 entries since", output.ToString(), StringComparison.Ordinal);
        Assert.Contains(app.Logs.Lines, l => l.Contains("Audit approved: proposal P-7Q2K9", StringComparison.Ordinal));
    }
}
