using ChatOps.Contracts;
using ChatOps.LarkBotAdapter.Approvals;
using ChatOps.LarkBotAdapter.Conversations;
using ChatOps.TestKit.Slack;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.LarkBotAdapter.Tests.Hostile;

[Collection(HostileCollection.Name)]
public sealed class InteractionHostileTests(HostileApp app)
{
    public static TheoryData<string> Cases => InteractionFuzzCorpus.Names;

    [Theory]
    [MemberData(nameof(Cases))]
    public Task InteractivityEndpointsSurviveHostileInput(string name) => app.CheckAsync(InteractionFuzzCorpus.Cases[name]);

    [Fact]
    public async Task ValidClicksRecordOneVoteEachAndSetOffNothingElse()
    {
        var lark = await app.RunAsync(new("lark click", () => InteractionFuzzCorpus.LarkCards(InteractionFuzzCorpus.LarkClick()), Expect.Ignored));
        var slack = await app.RunAsync(new("slack click", () => SlackRequest.SignedInteraction(InteractionFuzzCorpus.SlackClick(), DateTimeOffset.UtcNow), Expect.Ignored));

        foreach (var (status, body, effects, _) in new[] { lark, slack })
        {
            Assert.Equal(200, status);
            Assert.Equal(SideEffects.None with { Votes = 1 }, effects);
        }
        Assert.Contains("toast", lark.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OddClicksOnARealSlackProposalDecideNothingAndTheAskerMayStillWithdrawIt()
    {
        var store = app.App.Services.GetRequiredService<IApprovalStore>();
        var record = PendingSlackProposal();
        Assert.True(await store.AddAsync(record, CancellationToken.None));
        var value = InteractionFuzzCorpus.ApprovalValue(record.Id, record.ArgumentsHash);
        var odd = new (string Name, string Payload)[]
        {
            ("another hash", InteractionFuzzCorpus.SlackApprovalClick(InteractionFuzzCorpus.ApprovalValue(record.Id, new string('f', 64)))),
            ("its hash, another workspace", InteractionFuzzCorpus.SlackApprovalClick(value, team: "T0ELSEWHERE")),
            ("its hash, the asker from another workspace", InteractionFuzzCorpus.SlackApprovalClick(value, approve: false, user: "U0ASKER", team: "T0ELSEWHERE")),
            ("its hash, someone not an approver", InteractionFuzzCorpus.SlackApprovalClick(value)),
            ("its hash, the asker approving without self-approval", InteractionFuzzCorpus.SlackApprovalClick(value, user: "U0ASKER")),
            ("its hash, a reject by someone not an approver", InteractionFuzzCorpus.SlackApprovalClick(value, approve: false)),
            ("its hash, a select menu", InteractionFuzzCorpus.SlackApprovalClick(value, elementType: "static_select", user: "U0ASKER")),
            ("its hash under the feedback action", InteractionFuzzCorpus.SlackClick(value)),
        };

        foreach (var (name, payload) in odd)
        {
            var (status, _, effects, _) = await app.RunAsync(new(name, () => SlackRequest.SignedInteraction(payload, DateTimeOffset.UtcNow), Expect.Ignored));
            Assert.True(status == 200 && effects == SideEffects.None, $"{name}: {status} {effects}");
            Assert.True((await store.GetAsync(record.Id, CancellationToken.None))!.State == ApprovalState.Pending, name);
        }
        var withdrawn = await app.RunAsync(new("the asker withdraws", () => SlackRequest.SignedInteraction(InteractionFuzzCorpus.SlackApprovalClick(value, approve: false, user: "U0ASKER"), DateTimeOffset.UtcNow), Expect.Ignored));

        Assert.Equal(SideEffects.None, withdrawn.Effects);
        Assert.Equal(ApprovalState.Rejected, (await store.GetAsync(record.Id, CancellationToken.None))!.State);
    }

    // A proposal asked by U0ASKER in the hostile app's Slack workspace, pending, without a card to update.
    private static ApprovalRecord PendingSlackProposal()
    {
        var id = "P-HOSTILE" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        ApprovalField[] fields = [new("runbook", "restart-workers.sh")];
        var hash = QCliProposalHash.Compute(id, QCliProposalKinds.RunbookAction, "prod", fields.Select(f => new QCliProposalField(f.Name, f.Value)).ToArray());
        var turn = new ChatTurn(Platforms.Slack, FakeSlackWebApi.DefaultTeamId, "C0HOSTILE", ChatTypes.Group, "1700000000.000900", null, null, "U0ASKER", "text", "restart the workers", []);
        var now = DateTimeOffset.UtcNow;
        return new ApprovalRecord(id, QCliProposalKinds.RunbookAction, "Restart the workers", fields, "prod", hash, turn, now, now.AddHours(1));
    }

    [Fact]
    public void CorpusIsLargeAndCoversRefusedIgnoredAndSurvives()
    {
        Assert.True(InteractionFuzzCorpus.Cases.Count >= 50, $"{InteractionFuzzCorpus.Cases.Count} cases");
        Assert.All(new[] { Expect.Refused, Expect.Ignored, Expect.Survives }, e => Assert.Contains(InteractionFuzzCorpus.Cases.Values, c => c.Expect == e));
    }
}
