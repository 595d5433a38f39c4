using ChatOps.LarkBotAdapter.State;
using ChatOps.LarkBotAdapter.Tests.AppHost;
using ChatOps.LarkBotAdapter.Tests.Ops;
using ChatOps.TestKit.Lark;
using ChatOps.TestKit.QCli;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.LarkBotAdapter.Tests.Approvals;

/// <summary>A plain-text approval names what it approves: with several proposals pending in a thread, "Approve" runs
/// nothing and lists them; "approve P-…" runs exactly that one, and only if it is this thread's. Lark end to end, the
/// fake proxy recording which proposal it executed.</summary>
public sealed class NamedApprovalTests : IAsyncLifetime
{
    private const string Approver = "ou_test_approver";
    private FakeQCliProxy _proxy = null!;

    public async Task InitializeAsync() => _proxy = await FakeQCliProxy.StartAsync();

    public async Task DisposeAsync() => await _proxy.DisposeAsync();

    private async Task<ChatOpsApp> StartAsync() => await ChatOpsApp.StartAsync(
        settings =>
        {
            foreach (var (key, value) in OpsTesting.Settings(_proxy.BaseAddress))
            {
                settings[key] = value;
            }
            settings["OPS_APPROVER_IDS"] = $"lark:{Approver}";
            settings["CHATOPS_LIVE_REPLIES"] = "false";
        },
        lark: await ChatOpsApp.StartLarkAsync());

    internal static FakeProposal Proposal(string id, LarkEvent question, string subject) =>
        FakeProposal.SupportCase(id, $"lark:{LarkEvent.DefaultAppId}:{LarkEvent.DefaultChatId}:{question.MessageId}", subject);

    // A new thread whose answer proposes each of ids in turn (A then B …); returns the question and the proposals.
    private async Task<(LarkEvent Question, FakeProposal[] Proposals)> ProposeAsync(ChatOpsApp app, params string[] ids)
    {
        var question = LarkEvent.Text("@_user_1 the prod EC2 instances in us-east-1a are failing status checks, please open support cases").MentioningBot();
        var proposals = ids.Select(id => Proposal(id, question, $"instances failing in {id}")).ToArray();
        var reply = FakeQCliReply.Chunks("Proposed. ");
        foreach (var proposal in proposals)
        {
            reply.Proposal(proposal);
        }
        _proxy.Enqueue(reply.Done());
        (await app.SendLarkAsync(question.Build())).Dispose();
        await app.WhenIdleAsync();
        return (question, proposals);
    }

    internal static async Task<string> SayAsync(ChatOpsApp app, LarkEvent question, string text, string who = Approver)
    {
        var message = LarkEvent.Text(text).InThread(question.MessageId).From(who);
        (await app.SendLarkAsync(message.Build())).Dispose();
        await app.WhenIdleAsync();
        return string.Join("\n", app.Lark.RepliesTo(message.MessageId).Where(r => r.IsAnswer).Select(r => r.Text));
    }

    [Fact]
    public async Task PlainApproveWithTwoProposalsPendingRunsNothingAndListsBoth()
    {
        await using var app = await StartAsync();
        await using var _ = app.Lark;
        var (question, proposals) = await ProposeAsync(app, "P-AAAA1111", "P-BBBB2222");

        var reply = await SayAsync(app, question, "Approve");

        Assert.Empty(_proxy.Executions);
        Assert.Contains("2 proposals are pending in this thread, so nothing was done", reply, StringComparison.Ordinal);
        Assert.All(proposals, p => Assert.Contains($"- {p.Id}: {p.Title}", reply, StringComparison.Ordinal));
        Assert.Single(_proxy.Requests, r => r.Path == "/v1/chat");
    }

    [Fact]
    public async Task ApproveNamingTheFirstOfTwoRunsExactlyItAndTheReplyNamesIt()
    {
        await using var app = await StartAsync();
        await using var _ = app.Lark;
        var (question, proposals) = await ProposeAsync(app, "P-AAAA1111", "P-BBBB2222");

        var reply = await SayAsync(app, question, "  approve   p-aaaa1111 ");
        var second = await SayAsync(app, question, "Approve");

        Assert.Equal(["P-AAAA1111"], _proxy.Executions.Take(1));
        Assert.StartsWith($"P-AAAA1111 “{proposals[0].Title}”: Approved.", reply, StringComparison.Ordinal);
        Assert.DoesNotContain("P-BBBB2222", reply, StringComparison.Ordinal);
        // B is then the only pending one, so a plain "Approve" means B.
        Assert.StartsWith($"P-BBBB2222 “{proposals[1].Title}”: Approved.", second, StringComparison.Ordinal);
        Assert.Equal(["P-AAAA1111", "P-BBBB2222"], _proxy.Executions);
    }

    [Fact]
    public async Task PlainApproveWithOneProposalPendingRunsItAndNamesIt()
    {
        await using var app = await StartAsync();
        await using var _ = app.Lark;
        var (question, proposals) = await ProposeAsync(app, "P-CCCC3333");

        var reply = await SayAsync(app, question, "approve.");

        Assert.Equal(["P-CCCC3333"], _proxy.Executions);
        Assert.StartsWith($"P-CCCC3333 “{proposals[0].Title}”: Approved. Running it now", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChineseApprovalNamingAnIdRunsThatOne()
    {
        await using var app = await StartAsync();
        await using var _ = app.Lark;
        var (question, proposals) = await ProposeAsync(app, "P-DDDD4444", "P-EEEE5555");

        var reply = await SayAsync(app, question, "批准 P-EEEE5555");

        Assert.Equal(["P-EEEE5555"], _proxy.Executions);
        Assert.StartsWith($"P-EEEE5555「{proposals[1].Title}」：已批准", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApprovingAnIdOfAnotherThreadIsRefusedAndRunsNothing()
    {
        await using var app = await StartAsync();
        await using var _ = app.Lark;
        var (_, elsewhere) = await ProposeAsync(app, "P-FFFF6666");
        var (question, here) = await ProposeAsync(app, "P-GGGG7777");

        var reply = await SayAsync(app, question, $"approve {elsewhere[0].Id}");

        Assert.Empty(_proxy.Executions);
        Assert.StartsWith("P-FFFF6666 is not a proposal of this thread, so nothing was done.", reply, StringComparison.Ordinal);
        Assert.Contains($"- {here[0].Id}: {here[0].Title}", reply, StringComparison.Ordinal);
        Assert.Equal(2, _proxy.Requests.Count(r => r.Path == "/v1/chat"));
    }

    [Fact]
    public async Task ApproveIsStillAnApprovalAfterAnotherTurnOfTheThreadSavedItsContextLater()
    {
        await using var app = await StartAsync();
        await using var _ = app.Lark;
        var question = LarkEvent.Text("@_user_1 the prod EC2 instances in us-east-1a are failing status checks, please open a support case").MentioningBot();
        var proposal = Proposal("P-HHHH8888", question, "instances failing");
        var proposed = new TaskCompletionSource();
        var otherAnswered = new TaskCompletionSource();
        _proxy.Enqueue(
            FakeQCliReply.Chunks("Proposed. ").Proposal(proposal).WaitFor(proposed.Task).Chunk("Approve it on the card.").Done(),
            FakeQCliReply.Chunks("The us-east-1b instances pass their checks.").WaitFor(otherAnswered.Task).Done());
        (await app.SendLarkAsync(question.Build())).Dispose();
        await _proxy.WaitForRequestsAsync(1).WaitAsync(TimeSpan.FromSeconds(30));
        var other = LarkEvent.Text("@_user_1 and are the prod EC2 instances in us-east-1b failing status checks too?").MentioningBot().InThread(question.MessageId);
        (await app.SendLarkAsync(other.Build())).Dispose();
        await _proxy.WaitForRequestsAsync(2).WaitAsync(TimeSpan.FromSeconds(30));

        // The proposing turn ends and saves the thread first; the other turn, which read the thread before, saves after.
        proposed.SetResult();
        var state = app.Services.GetRequiredService<IStateStore>();
        var threadKey = $"lark:{LarkEvent.DefaultAppId}:{LarkEvent.DefaultChatId}:{question.MessageId}";
        await Until(async () => (await state.GetThreadAsync(threadKey, CancellationToken.None))?.Turns.Count > 0);
        otherAnswered.SetResult();
        await app.WhenIdleAsync();
        var reply = await SayAsync(app, question, "Approve");

        Assert.Equal([proposal.Id], _proxy.Executions);
        Assert.StartsWith($"{proposal.Id} “{proposal.Title}”: Approved.", reply, StringComparison.Ordinal);
        Assert.Equal(2, _proxy.Requests.Count(r => r.Path == "/v1/chat"));
        // Neither turn lost the other's exchange.
        var turns = (await state.GetThreadAsync(threadKey, CancellationToken.None))!.Turns.Select(t => t.Text).ToArray();
        Assert.Contains(turns, t => t.Contains("please open a support case", StringComparison.Ordinal));
        Assert.Contains(turns, t => t.Contains("us-east-1b failing status checks too", StringComparison.Ordinal));
    }

    // Waits (not timed: a hang fails after a generous cap) until condition holds.
    private static async Task Until(Func<Task<bool>> condition)
    {
        using var cap = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!await condition())
        {
            await Task.Delay(10, cap.Token);
        }
    }
}
