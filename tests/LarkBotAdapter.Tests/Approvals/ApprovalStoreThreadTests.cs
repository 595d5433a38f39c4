using ChatOps.Contracts;
using ChatOps.LarkBotAdapter.Approvals;
using ChatOps.LarkBotAdapter.Conversations;
using ChatOps.TestKit.Dynamo;
using Microsoft.Extensions.Time.Testing;

namespace ChatOps.LarkBotAdapter.Tests.Approvals;

/// <summary>Both approval stores list a thread's proposals by thread, with their current state, and only that
/// thread's; the DynamoDB store against dynalite.</summary>
[Collection(DynaliteFixture.Collection)]
public sealed class ApprovalStoreThreadTests(DynaliteFixture dynalite) : IDisposable
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 7, 10, 0, 0, TimeSpan.Zero));
    private readonly List<IDisposable> _clients = [];

    [Fact]
    public Task InMemoryStoreListsTheProposalsOfOneThread() => ListsTheProposalsOfOneThreadAsync(new InMemoryApprovalStore(_clock));

    [DynaliteFact]
    public async Task DynamoDbStoreListsTheProposalsOfOneThread()
    {
        var client = dynalite.Server.CreateClient();
        _clients.Add(client);
        await ListsTheProposalsOfOneThreadAsync(new DynamoDbApprovalStore(client, await dynalite.CreateTableAsync(), _clock));
    }

    private async Task ListsTheProposalsOfOneThreadAsync(IApprovalStore store)
    {
        var a = Record("P-AAAA", "om_root_1", _clock.GetUtcNow());
        var b = Record("P-BBBB", "om_root_1", _clock.GetUtcNow().AddSeconds(1));
        var other = Record("P-CCCC", "om_root_2", _clock.GetUtcNow());
        foreach (var record in new[] { b, other, a })
        {
            Assert.True(await store.AddAsync(record, CancellationToken.None));
        }
        Assert.False(await store.AddAsync(a, CancellationToken.None));
        Assert.True(await store.TryMoveAsync(a with { State = ApprovalState.Approved }, ApprovalState.Pending, CancellationToken.None));

        var listed = await store.ListInThreadAsync(a.Turn.ThreadKey, CancellationToken.None);

        Assert.Equal([("P-AAAA", ApprovalState.Approved), ("P-BBBB", ApprovalState.Pending)], listed.Select(r => (r.Id, r.State)));
        Assert.Equal("P-CCCC", Assert.Single(await store.ListInThreadAsync(other.Turn.ThreadKey, CancellationToken.None)).Id);
        Assert.Empty(await store.ListInThreadAsync("lark:cli_app:oc_chat:om_none", CancellationToken.None));
    }

    private static ApprovalRecord Record(string id, string root, DateTimeOffset at)
    {
        var turn = new ChatTurn(Platforms.Lark, "cli_app", "oc_chat", ChatTypes.Group, root, null, null, "ou_asker", "text", "open a case", []);
        var fields = new[] { new ApprovalField("subject", "EC2 down " + id) };
        var hash = QCliProposalHash.Compute(id, "support_case", "prod", [new QCliProposalField("subject", "EC2 down " + id)]);
        return new ApprovalRecord(id, "support_case", "Open a case " + id, fields, "prod", hash, turn, at, at.AddHours(1));
    }

    public void Dispose()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }
    }
}
