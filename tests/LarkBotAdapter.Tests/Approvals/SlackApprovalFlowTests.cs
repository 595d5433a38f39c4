using System.Net;
using System.Text.Json;
using ChatOps.LarkBotAdapter.Approvals;
using ChatOps.LarkBotAdapter.Channels.Slack.Inbound;
using ChatOps.LarkBotAdapter.Channels.Slack.Rendering;
using ChatOps.LarkBotAdapter.Channels.Slack;
using ChatOps.LarkBotAdapter.Tests.AppHost;
using ChatOps.LarkBotAdapter.Tests.Ops;
using ChatOps.TestKit.QCli;
using ChatOps.TestKit.Slack;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ChatOps.LarkBotAdapter.Tests.Approvals;

/// <summary>The approval flow on Slack, end to end: the proposal line from the (fake) proxy becomes a Block Kit card
/// in the asker's thread, clicks arrive signed on /slack/interactions, the clicker is answered privately through the
/// payload's response_url, the proxy executes once with the approved hash, and chat.update changes the card.</summary>
public sealed class SlackApprovalFlowTests : IAsyncLifetime
{
    private const string Approver = "U0APPROVER";
    private const string Stranger = "U0STRANGER";
    private const string Question = "the prod EC2 instances in us-east-1a are failing status checks, please open a support case";
    private FakeQCliProxy _proxy = null!;
    private FakeSlackWebApi _slack = null!;
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);

    public async Task InitializeAsync()
    {
        _proxy = await FakeQCliProxy.StartAsync();
        _slack = await FakeSlackWebApi.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _proxy.DisposeAsync();
        await _slack.DisposeAsync();
    }

    private async Task<ChatOpsApp> StartAsync(Action<Dictionary<string, string?>>? more = null)
    {
        var app = await ChatOpsApp.StartAsync(
            settings =>
            {
                foreach (var (key, value) in OpsTesting.Settings(_proxy.BaseAddress))
                {
                    settings[key] = value;
                }
                settings["SLACK_SIGNING_SECRET"] = SlackRequest.DefaultSigningSecret;
                settings["SLACK_BOT_TOKEN"] = FakeSlackWebApi.DefaultBotToken;
                settings["SLACK_API_BASE_URL"] = _slack.ApiBaseUrl.ToString();
                // No pacing: the pacer waits on the test's clock, which only the expiry test moves.
                settings["SLACK_POST_INTERVAL_MS"] = "0";
                settings["OPS_APPROVER_IDS"] = $"lark:ou_test_approver, slack:{Approver}";
                settings["CHATOPS_LIVE_REPLIES"] = "false";
                more?.Invoke(settings);
            },
            services =>
            {
                services.AddSingleton<TimeProvider>(_clock);
                // The fake serves the response_urls; production admits only https://hooks.slack.com.
                services.AddSingleton(new SlackResponseUrlPolicy(_slack.ApiBaseUrl));
            });
        app.CheckForSecrets("a Slack post", () => _slack.Posts.Select(p => p.Text).Concat(_slack.ResponsePosts.Select(p => p.Text)));
        return app;
    }

    // Asks the ops question in a channel; the proxy answers with a proposal between two chunks. Returns the question,
    // the proposal and the card (the thread's post that has blocks).
    private async Task<(SlackEvent Question, FakeProposal Proposal, SlackPost Card)> ProposeAsync(ChatOpsApp app, string? hash = null)
    {
        var message = SlackEvent.AppMention(Question);
        var proposal = FakeProposal.SupportCase("P-5LK3Q", $"slack:{message.TeamId}:{message.Channel}:{message.Ts}");
        _proxy.Enqueue(FakeQCliReply.Chunks("Three instances fail their status checks. ").Proposal(proposal, hash).Chunk("I proposed a support case.").Done());
        (await app.SendAsync(SlackRequest.Signed(message.Build(), _clock.GetUtcNow()))).Dispose();
        await app.WhenIdleAsync();
        var card = _slack.PostsIn(message.Channel, message.Ts).FirstOrDefault(p => p.Blocks is not null);
        return (message, proposal, card!);
    }

    // Clicks the card's button as first posted (a second click comes from a client not refreshed yet); returns the
    // status and the private answer the clicker got, if any.
    private async Task<(HttpStatusCode Status, SlackResponsePost? Answer)> ClickAsync(ChatOpsApp app, SlackPost card, string who, bool approve, string? value = null, string team = FakeSlackWebApi.DefaultTeamId)
    {
        var button = Buttons(FakeSlackWebApi.ReadableJson(card.Blocks)!)[approve ? 0 : 1];
        var responseUrl = _slack.NewResponseUrl();
        var id = responseUrl.Segments[^1];
        var payload = SlackBlockAction.Button(button.ActionId, value ?? button.Value).By(who, team).OnMessage(card.Channel, card.Ts).AnsweringTo(responseUrl).Build();
        using var response = await app.SendAsync(SlackRequest.SignedInteraction(payload, _clock.GetUtcNow()));
        await app.WhenIdleAsync();
        return (response.StatusCode, _slack.ResponsePosts.SingleOrDefault(p => p.ResponseUrlId == id));
    }

    private static List<(string ActionId, string Value, string? Style)> Buttons(string blocksJson) =>
        JsonDocument.Parse(blocksJson).RootElement.EnumerateArray()
            .Where(b => b.GetProperty("type").GetString() == "actions")
            .SelectMany(b => b.GetProperty("elements").EnumerateArray())
            .Where(e => e.GetProperty("type").GetString() == "button")
            .Select(e => (e.GetProperty("action_id").GetString()!, e.GetProperty("value").GetString()!, e.TryGetProperty("style", out var s) ? s.GetString() : null))
            .ToList();

    private string Blocks(SlackPost card) => _slack.BlocksOf(card.Channel, card.Ts)!;

    private static Task<ApprovalRecord?> RecordAsync(ChatOpsApp app, string id) =>
        app.Services.GetRequiredService<IApprovalStore>().GetAsync(id, CancellationToken.None);

    [Fact]
    public async Task ProposalBecomesBlocksInTheThreadShowingEveryArgumentWhoMayApproveAndTheExpiry()
    {
        await using var app = await StartAsync();
        var (question, proposal, card) = await ProposeAsync(app);

        Assert.NotNull(card);
        Assert.Equal(question.Ts, card.ThreadTs);
        var blocks = FakeSlackWebApi.ReadableJson(card.Blocks)!;
        Assert.Null(SlackBlockKitCheck.Problem(JsonDocument.Parse(blocks).RootElement));
        var header = JsonDocument.Parse(blocks).RootElement[0];
        Assert.Equal("header", header.GetProperty("type").GetString());
        Assert.Equal("Approval needed: Open an AWS Support case: EC2 instances unreachable in us-east-1", header.GetProperty("text").GetProperty("text").GetString());
        foreach (var (name, value) in proposal.Fields)
        {
            Assert.Contains($"*{name}*", blocks, StringComparison.Ordinal);
            Assert.Contains(value.Contains('\n', StringComparison.Ordinal) ? $"```\\n{value.Replace("\n", "\\n", StringComparison.Ordinal)}\\n```" : $"`{value}`", blocks, StringComparison.Ordinal);
        }
        Assert.Contains("*AWS profile* `prod`", blocks, StringComparison.Ordinal);
        Assert.Contains($"*Asked by* <@{SlackEvent.DefaultUser}>", blocks, StringComparison.Ordinal);
        Assert.Contains($"*Who may approve*: <@{Approver}> (not the asker)", blocks, StringComparison.Ordinal);
        Assert.DoesNotContain("ou_test_approver", blocks, StringComparison.Ordinal);
        Assert.Contains("Expires ", blocks, StringComparison.Ordinal);
        var buttons = Buttons(blocks);
        Assert.Equal([(SlackApprovalBlocks.ApproveActionId, "primary"), (SlackApprovalBlocks.RejectActionId, "danger")], buttons.Select(b => (b.ActionId, b.Style)));
        Assert.All(buttons, b => Assert.Equal($$"""{"proposal":"{{proposal.Id}}","hash":"{{proposal.Hash}}"}""", b.Value));
        Assert.StartsWith("Approval needed: Open an AWS Support case", card.Text, StringComparison.Ordinal);
        Assert.Contains($"<@{Approver}>", card.Text, StringComparison.Ordinal);
        var answer = string.Join("\n", _slack.PostsIn(question.Channel, question.Ts).Where(p => p.Ts != card.Ts).Select(p => p.Text));
        Assert.Contains("Proposal P-5LK3Q", answer, StringComparison.Ordinal);
        Assert.Equal(proposal.Id, (await RecordAsync(app, proposal.Id))!.Id);
        Assert.Equal(card.Ts, (await RecordAsync(app, proposal.Id))!.CardRef);
        Assert.Empty(_proxy.Executions);
    }

    [Fact]
    public async Task ApproverClickRunsItOnceTheThreadGetsTheResultAndTheCardSaysDone()
    {
        await using var app = await StartAsync();
        var (question, proposal, card) = await ProposeAsync(app);

        var (status, answer) = await ClickAsync(app, card, Approver, approve: true);
        var again = await ClickAsync(app, card, Approver, approve: true);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(("ephemeral", false), (answer!.ResponseType, answer.ReplaceOriginal));
        Assert.StartsWith("Approved.", answer.Text, StringComparison.Ordinal);
        Assert.StartsWith($"Already decided: Approved by <@{Approver}> at ", again.Answer!.Text, StringComparison.Ordinal);
        Assert.Equal([proposal.Id], _proxy.Executions);
        var execute = Assert.Single(_proxy.Requests, r => r.Path.EndsWith("/execute", StringComparison.Ordinal));
        Assert.Equal(proposal.Hash, (string?)execute.Json["argumentsHash"]);
        Assert.Equal($"slack:{FakeSlackWebApi.DefaultTeamId}:{Approver}", (string?)execute.Json["approvedBy"]);
        var result = Assert.Single(_slack.PostsIn(question.Channel, question.Ts), p => p.Text.Contains("Done: Open an AWS Support case", StringComparison.Ordinal));
        Assert.Contains("case-123456789012-muen-2026-1", result.Text, StringComparison.Ordinal);
        var blocks = Blocks(card);
        Assert.Contains("Done: Open an AWS Support case", blocks, StringComparison.Ordinal);
        Assert.Contains($"Approved by <@{Approver}> at ", blocks, StringComparison.Ordinal);
        Assert.Contains(", done.", blocks, StringComparison.Ordinal);
        Assert.Empty(Buttons(blocks));
        Assert.All(_slack.Updates, u => Assert.Equal((card.Channel, card.Ts), (u.Channel, u.Ts)));
        Assert.StartsWith("Done: ", _slack.TextOf(card.Channel, card.Ts), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OthersCannotApproveTheAskerOnlyWithSelfApprovalAndAPrivateAnswerSaysWhoMay()
    {
        await using var app = await StartAsync();
        var (_, proposal, card) = await ProposeAsync(app);

        var stranger = await ClickAsync(app, card, Stranger, approve: true);
        var asker = await ClickAsync(app, card, SlackEvent.DefaultUser, approve: true);

        Assert.Equal(HttpStatusCode.OK, stranger.Status);
        Assert.Equal($"Only these approvers may approve this: <@{Approver}>.", stranger.Answer!.Text);
        Assert.Equal(("ephemeral", false), (stranger.Answer.ResponseType, stranger.Answer.ReplaceOriginal));
        Assert.Equal(stranger.Answer.Text, asker.Answer!.Text);
        Assert.Empty(_proxy.Executions);
        Assert.Empty(_slack.Updates);
        Assert.Equal(ApprovalState.Pending, (await RecordAsync(app, proposal.Id))!.State);
        Assert.Equal(2, Buttons(Blocks(card)).Count);
    }

    [Fact]
    public async Task WithSelfApprovalAnApproverMayApproveTheirOwnQuestion()
    {
        await using var app = await StartAsync(s =>
        {
            s["OPS_APPROVER_IDS"] = SlackEvent.DefaultUser;
            s["OPS_SELF_APPROVAL"] = "true";
        });
        var (_, proposal, card) = await ProposeAsync(app);

        var (_, answer) = await ClickAsync(app, card, SlackEvent.DefaultUser, approve: true);

        Assert.StartsWith("Approved.", answer!.Text, StringComparison.Ordinal);
        Assert.Equal([proposal.Id], _proxy.Executions);
        Assert.DoesNotContain("(not the asker)", FakeSlackWebApi.ReadableJson(card.Blocks)!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RejectedProposalIsNeverRunAndTheCardSaysWhoRejectedIt()
    {
        await using var app = await StartAsync();
        var (_, proposal, card) = await ProposeAsync(app);

        var (_, answer) = await ClickAsync(app, card, Approver, approve: false);
        var late = await ClickAsync(app, card, Approver, approve: true);

        Assert.Equal("Rejected. Nothing will be done.", answer!.Text);
        Assert.StartsWith($"Already decided: Rejected by <@{Approver}>", late.Answer!.Text, StringComparison.Ordinal);
        Assert.Empty(_proxy.Executions);
        Assert.Equal(ApprovalState.Rejected, (await RecordAsync(app, proposal.Id))!.State);
        var update = Assert.Single(_slack.Updates);
        Assert.Contains("Rejected: Open an AWS Support case", update.Blocks, StringComparison.Ordinal);
        Assert.Contains($"Rejected by <@{Approver}> at ", update.Blocks, StringComparison.Ordinal);
        Assert.Empty(Buttons(update.Blocks!));
    }

    [Fact]
    public async Task ProposalExpiresAfterItsTimeAndCannotBeApprovedThen()
    {
        await using var app = await StartAsync(s => s["OPS_APPROVAL_TTL_MINUTES"] = "30");
        var (_, proposal, card) = await ProposeAsync(app);

        _clock.Advance(TimeSpan.FromMinutes(31));
        var (_, answer) = await ClickAsync(app, card, Approver, approve: true);

        Assert.StartsWith("This proposal has expired", answer!.Text, StringComparison.Ordinal);
        Assert.Empty(_proxy.Executions);
        Assert.Equal(ApprovalState.Expired, (await RecordAsync(app, proposal.Id))!.State);
        Assert.Contains("Expired: Open an AWS Support case", Blocks(card), StringComparison.Ordinal);
        Assert.Empty(Buttons(Blocks(card)));
    }

    [Fact]
    public async Task ButtonValueWithAnotherHashIsRefusedAndChangesNothing()
    {
        await using var app = await StartAsync();
        var (_, proposal, card) = await ProposeAsync(app);

        var (status, answer) = await ClickAsync(app, card, Approver, approve: true, value: $$"""{"proposal":"{{proposal.Id}}","hash":"{{new string('a', 64)}}"}""");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("This approval is not known (any more).", answer!.Text);
        Assert.Empty(_proxy.Executions);
        Assert.Empty(_slack.Updates);
        Assert.Equal(ApprovalState.Pending, (await RecordAsync(app, proposal.Id))!.State);
    }

    [Fact]
    public async Task ApproverOfAnotherWorkspaceCannotDecide()
    {
        await using var app = await StartAsync();
        var (_, proposal, card) = await ProposeAsync(app);

        var (_, answer) = await ClickAsync(app, card, Approver, approve: true, team: "T0OTHERTEAM");

        Assert.Equal("This approval is not known (any more).", answer!.Text);
        Assert.Empty(_proxy.Executions);
        Assert.Equal(ApprovalState.Pending, (await RecordAsync(app, proposal.Id))!.State);
    }

    [Fact]
    public async Task MalformedButtonValueIsIgnoredWithALogLineAndNoAnswer()
    {
        await using var app = await StartAsync();
        var (_, proposal, card) = await ProposeAsync(app);

        var (status, answer) = await ClickAsync(app, card, Approver, approve: true, value: proposal.Id);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Null(answer);
        Assert.Empty(_proxy.Executions);
        Assert.Equal(ApprovalState.Pending, (await RecordAsync(app, proposal.Id))!.State);
        Assert.Contains(app.Logs.Lines, l => l.Contains("Slack approval click ignored", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PlainApproveReplyFromTheApproverInTheThreadStillWorks()
    {
        await using var app = await StartAsync();
        var (question, proposal, card) = await ProposeAsync(app);

        var reply = SlackEvent.Message("Approve").InThread(question.Ts).From(Approver);
        (await app.SendAsync(SlackRequest.Signed(reply.Build(), _clock.GetUtcNow()))).Dispose();
        await app.WhenIdleAsync();

        Assert.Equal([proposal.Id], _proxy.Executions);
        Assert.Contains("Done: Open an AWS Support case", Blocks(card), StringComparison.Ordinal);
    }
}
