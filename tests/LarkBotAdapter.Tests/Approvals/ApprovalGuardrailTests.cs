using ChatOps.LarkBotAdapter.Approvals;
using ChatOps.LarkBotAdapter.Tests.AppHost;
using ChatOps.LarkBotAdapter.Tests.Ops;
using ChatOps.TestKit.Bedrock;
using ChatOps.TestKit.Lark;
using ChatOps.TestKit.QCli;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.LarkBotAdapter.Tests.Approvals;

/// <summary>With OPS_GUARDRAIL_ID, approval cards and execution results pass ApplyGuardrail (the fake Bedrock Runtime)
/// before they are shown: a card the guardrail stops (or cannot check) is never posted nor stored, so nothing can approve
/// it; a result it stops is replaced by the reason.</summary>
public sealed class ApprovalGuardrailTests : IAsyncLifetime
{
    private const string Approver = "ou_test_approver";
    private const string Question = "@_user_1 the prod EC2 instances in us-east-1a are failing status checks, please open a support case";
    private const string CaseId = "case-123456789012-muen-2026-1";
    private GuardedOpsFakes _fakes = null!;

    private FakeQCliProxy Proxy => _fakes.Proxy;

    private FakeBedrockRuntime Bedrock => _fakes.Bedrock;

    public async Task InitializeAsync() => _fakes = await GuardedOpsFakes.StartAsync();

    public async Task DisposeAsync() => await _fakes.DisposeAsync();

    private Task<ChatOpsApp> StartAsync() => _fakes.StartAppAsync(settings =>
    {
        settings["OPS_APPROVER_IDS"] = $"lark:{Approver}";
        settings["CHATOPS_LIVE_REPLIES"] = "false";
    });

    private async Task<(LarkEvent Question, FakeProposal Proposal, LarkReply? Card)> ProposeAsync(ChatOpsApp app)
    {
        var message = LarkEvent.Text(Question).MentioningBot();
        var proposal = FakeProposal.SupportCase("P-9GRD2", $"lark:{LarkEvent.DefaultAppId}:{LarkEvent.DefaultChatId}:{message.MessageId}");
        Proxy.Enqueue(FakeQCliReply.Chunks("Three instances fail their status checks. ").Proposal(proposal).Chunk("I proposed a support case.").Done());
        (await app.SendLarkAsync(message.Build())).Dispose();
        await app.WhenIdleAsync();
        return (message, proposal, app.Lark.RepliesTo(message.MessageId).FirstOrDefault(r => r.MsgType == "interactive" && !r.IsAnswer));
    }

    private static string Thread(ChatOpsApp app, LarkEvent question) =>
        string.Join("\n", app.Lark.RepliesTo(question.MessageId).Select(r => r.Text));

    private static Task<ApprovalRecord?> RecordAsync(ChatOpsApp app, string id) =>
        app.Services.GetRequiredService<IApprovalStore>().GetAsync(id, CancellationToken.None);

    [Fact]
    public async Task CardTheGuardrailStopsIsNeitherPostedNorApprovable()
    {
        Bedrock.Guardrail = text => text.Contains("communication_body:", StringComparison.Ordinal)
            ? FakeGuardrailVerdict.Intervene("This proposal was blocked by policy.")
            : FakeGuardrailVerdict.Pass;
        await using var app = await StartAsync();
        var (question, proposal, card) = await ProposeAsync(app);

        var approve = LarkEvent.Text("Approve").InThread(question.MessageId).From(Approver);
        (await app.SendLarkAsync(approve.Build())).Dispose();
        await app.WhenIdleAsync();
        var forged = ApprovalFlowTests.Toast((await ClickForgedAsync(app, proposal)).RootElement);

        Assert.Null(card);
        Assert.Contains($"Proposal {proposal.Id} is not offered for approval: This proposal was blocked by policy.", Thread(app, question), StringComparison.Ordinal);
        Assert.DoesNotContain("three instances in us-east-1a fail status checks", Thread(app, question), StringComparison.Ordinal);
        Assert.Contains(Bedrock.GuardrailRequests, r => r.BodyJson()["content"]![0]!["text"]!["text"]!.GetValue<string>().Contains("severity_code: high", StringComparison.Ordinal));
        Assert.Null(await RecordAsync(app, proposal.Id));
        Assert.Equal("This approval is not known (any more).", forged);
        Assert.Empty(Proxy.Executions);
    }

    [Fact]
    public async Task GuardrailOutageLeavesNoCardAndAnErrorInTheThread()
    {
        Bedrock.Always = FakeBedrockOutcome.ServerError();
        await using var app = await StartAsync();

        var (question, proposal, card) = await ProposeAsync(app);

        Assert.Null(card);
        Assert.Null(await RecordAsync(app, proposal.Id));
        Assert.Contains("could not be checked by the safety guardrail", Thread(app, question), StringComparison.Ordinal);
        Assert.DoesNotContain("three instances in us-east-1a fail status checks", Thread(app, question), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResultTheGuardrailStopsIsReplacedByTheReasonInTheThreadAndOnTheCard()
    {
        Bedrock.Guardrail = text => text.Contains(CaseId, StringComparison.Ordinal)
            ? FakeGuardrailVerdict.Intervene("Result blocked by policy.")
            : FakeGuardrailVerdict.Pass;
        await using var app = await StartAsync();
        var (question, proposal, card) = await ProposeAsync(app);

        await ApprovalFlowTests.ClickAsync(app, card!, Approver, approve: true);

        Assert.Equal([proposal.Id], Proxy.Executions);
        Assert.Contains($"The result of proposal {proposal.Id} is not shown**: Result blocked by policy.", Thread(app, question), StringComparison.Ordinal);
        Assert.DoesNotContain(CaseId, Thread(app, question), StringComparison.Ordinal);
        Assert.DoesNotContain(CaseId, app.Lark.MessageContent(card!.MessageId), StringComparison.Ordinal);
        Assert.Contains("Result blocked by policy.", app.Lark.MessageContent(card.MessageId), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResultTheGuardrailCannotCheckIsNotPostedUnchecked()
    {
        await using var app = await StartAsync();
        var (question, _, card) = await ProposeAsync(app);
        Bedrock.Always = FakeBedrockOutcome.ServerError();

        await ApprovalFlowTests.ClickAsync(app, card!, Approver, approve: true);

        Assert.Contains("could not be checked by the safety guardrail", Thread(app, question), StringComparison.Ordinal);
        Assert.DoesNotContain(CaseId, Thread(app, question), StringComparison.Ordinal);
        Assert.DoesNotContain(CaseId, app.Lark.MessageContent(card!.MessageId), StringComparison.Ordinal);
    }

    // A click on a card that was never posted, carrying the proposal's true id and hash.
    private static async Task<System.Text.Json.JsonDocument> ClickForgedAsync(ChatOpsApp app, FakeProposal proposal)
    {
        var value = new Dictionary<string, string>
        {
            ["action"] = "approval",
            ["decision"] = "approve",
            ["proposal"] = proposal.Id,
            ["hash"] = proposal.Hash,
        };
        using var response = await app.SendLarkCardAsync(LarkCardClick.Button(value).By(Approver).OnMessage("om_never_posted").Build());
        var body = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        await app.WhenIdleAsync();
        return body;
    }
}
