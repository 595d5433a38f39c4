using System.Net;
using System.Net.Sockets;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using ChatOps.IntentRecognition;
using ChatOps.LarkBotAdapter.State;
using ChatOps.TestKit.Dynamo;

namespace ChatOps.LarkBotAdapter.Tests.State;

[Collection(DynaliteFixture.Collection)]
public sealed class DynamoDbStateStoreTests(DynaliteFixture dynalite) : StateStoreContract, IDisposable
{
    [DynaliteFact]
    public Task ConcurrentEpisodeOpeningsHaveOneWinner() => OnlyOneOfTwentyConcurrentEpisodeOpeningsWins();

    [DynaliteFact]
    public Task EpisodeRoundTripsAndStaleSavesChangeNothing() => AnEpisodeRoundTripsAndAStaleSaveChangesNothing();

    [DynaliteFact]
    public Task EpisodeIsForgottenAfterItsTtl() => AnEpisodeIsForgottenAfterItsTtl();

    private readonly List<IDisposable> _clients = [];

    [DynaliteFact]
    public Task OnlyOneOfTwentyConcurrentClaimsOfOneKeyWins() => OnlyOneOfTwentyConcurrentClaimsWins();

    [DynaliteFact]
    public Task SecondClaimOfTheSameKeyIsRefused() => ASecondClaimOfTheSameKeyIsRefused();

    // dynalite never deletes by TTL, so this also covers an expired claim that is still in the table.
    [DynaliteFact]
    public Task ExpiredClaimCanBeClaimedAgain() => AnExpiredClaimCanBeClaimedAgain();

    [DynaliteFact]
    public Task ReleaseGivesUpOnlyTheReleasersOwnClaim() => AReleaseGivesUpOnlyTheReleasersOwnClaim();

    [DynaliteFact]
    public Task JobLeaseIsHeldByOneRunThenDone() => AJobLeaseIsHeldByOneRunThenDone();

    [DynaliteFact]
    public Task LeaseThatStoppedBeingRenewedIsTakenOver() => ALeaseThatStoppedBeingRenewedIsTakenOver();

    [DynaliteFact]
    public Task ReleasedLeaseIsFreeAtOnce() => AReleasedLeaseIsFreeAtOnce();

    [DynaliteFact]
    public Task ThreadContextRoundTrips() => AThreadContextRoundTrips();

    [DynaliteFact]
    public Task SavingThreadAgainReplacesIt() => SavingAThreadAgainReplacesIt();

    [DynaliteFact]
    public Task ConditionalSaveFromAStaleVersionChangesNothing() => AConditionalSaveFromAStaleVersionChangesNothing();

    [DynaliteFact]
    public Task TwoTurnsSavingOneThreadAtOnceKeepBoth() => TwoTurnsSavingOneThreadAtOnceKeepBothExchanges();

    [DynaliteFact]
    public Task ThreadIsForgottenAfterItsTtl() => AThreadIsForgottenAfterItsTtl();

    [DynaliteFact]
    public Task ThreadIsActiveUntilItsMarkerExpires() => AThreadIsActiveUntilItsMarkerExpires();

    [DynaliteFact]
    public Task PostedSegmentsAccumulatePerJob() => PostedSegmentsAreRecordedPerJobAndAccumulate();

    [DynaliteFact]
    public Task PostedSegmentsExpireWithTheirTtl() => PostedSegmentsAreForgottenAfterTheirTtl();

    [DynaliteFact]
    public Task LivePartsSitBelowSegmentsAndAreReplacedInPlace() => LivePartsAreRecordedBelowSegmentsAndReplacedInPlace();

    [DynaliteFact]
    public Task WindowCountsEachMemberOnceUpToItsCap() => AWindowCountsEachMemberOnceUpToItsCap();

    [DynaliteFact]
    public Task VoteIsKeptOncePerVoterAndReplacedByTheirNextOne() => AVoteIsKeptOncePerVoterAndReplacedByTheirNextOne();

    [DynaliteFact]
    public Task ConcurrentMembersOfAWindowAreAllCountedInDynamoDb() => ConcurrentMembersOfAWindowAreAllCounted();

    [DynaliteFact]
    public async Task ClaimWhoseResponseWasLostAndRetriedIsStillOurs()
    {
        var table = await dynalite.CreateTableAsync();
        var store = new DynamoDbStateStore(LostResponseDynamoDb.Wrap(NewClient()), table, Clock);
        var other = new DynamoDbStateStore(NewClient(), table, Clock);

        Assert.True(await store.TryClaimAsync("lark:cli_app:om_lost", Guid.NewGuid().ToString("N"), TimeSpan.FromHours(8), CancellationToken.None));
        Assert.False(await other.TryClaimAsync("lark:cli_app:om_lost", Guid.NewGuid().ToString("N"), TimeSpan.FromHours(8), CancellationToken.None));
        Assert.False(await store.TryClaimAsync("lark:cli_app:om_lost", Guid.NewGuid().ToString("N"), TimeSpan.FromHours(8), CancellationToken.None));
    }

    [DynaliteFact]
    public async Task TwoStoresWithTheirOwnClientsOnOneTableHaveOneWinner()
    {
        var table = await dynalite.CreateTableAsync();
        var first = new DynamoDbStateStore(NewClient(), table, Clock);
        var second = new DynamoDbStateStore(NewClient(), table, Clock);
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var claims = Enumerable.Range(0, 20)
            .Select(i => Task.Run(async () =>
            {
                await start.Task;
                var store = i % 2 == 0 ? first : second;
                return await store.TryClaimAsync("lark:cli_app:om_shared", Guid.NewGuid().ToString("N"), TimeSpan.FromHours(8), CancellationToken.None);
            }))
            .ToList();
        start.SetResult();

        var results = await Task.WhenAll(claims);

        Assert.Single(results, won => won);
    }

    [DynaliteFact]
    public async Task OversizedThreadKeepsTheNewestTurnsWithinTheItemLimit()
    {
        var store = await CreateStoreAsync();
        var turns = Enumerable.Range(0, 12)
            .Select(i => new ConversationTurn(ConversationTurn.User, $"{i}:" + new string('集', 20_000), Intent.AwsOps))
            .ToList();
        var thread = new ThreadContext("lark:cli_app:oc_chat:om_big", turns, new Dictionary<string, string>(), Clock.GetUtcNow());

        await store.SaveThreadAsync(thread, TimeSpan.FromHours(1), CancellationToken.None);
        var loaded = await store.GetThreadAsync(thread.ThreadKey, CancellationToken.None);

        Assert.NotNull(loaded);
        Assert.InRange(loaded.Turns.Count, 1, 11);
        Assert.Equal(turns.TakeLast(loaded.Turns.Count), loaded.Turns);
    }

    [DynaliteFact]
    public async Task UnreadableStoredThreadIsTreatedAsAbsent()
    {
        var table = await dynalite.CreateTableAsync();
        var client = NewClient();
        await client.PutItemAsync(table, new Dictionary<string, AttributeValue>
        {
            ["pk"] = new() { S = "thread#lark:cli_app:oc_chat:om_bad" },
            ["sk"] = new() { S = "context" },
            ["expiresAt"] = new() { N = $"{Clock.GetUtcNow().AddHours(1).ToUnixTimeSeconds()}" },
            ["turns"] = new() { S = "{not json" },
        });
        var store = new DynamoDbStateStore(client, table, Clock);

        Assert.Null(await store.GetThreadAsync("lark:cli_app:oc_chat:om_bad", CancellationToken.None));
    }

    [DynaliteFact]
    public async Task MissingTableIsReportedAsUnavailableWithTableAndErrorCode()
    {
        var store = new DynamoDbStateStore(NewClient(), "no-such-table", Clock);

        var error = await Assert.ThrowsAsync<StateUnavailableException>(
            () => store.TryClaimAsync("lark:cli_app:om_1", Guid.NewGuid().ToString("N"), TimeSpan.FromHours(8), CancellationToken.None));

        Assert.Contains("'no-such-table'", error.Message, StringComparison.Ordinal);
        Assert.Contains("ResourceNotFoundException", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnreachableDynamoDbIsReportedAsUnavailable()
    {
        var store = new DynamoDbStateStore(UnreachableClient(), "chatops-state", Clock);

        var claim = await Assert.ThrowsAsync<StateUnavailableException>(
            () => store.TryClaimAsync("lark:cli_app:om_1", Guid.NewGuid().ToString("N"), TimeSpan.FromHours(8), CancellationToken.None));
        var read = await Assert.ThrowsAsync<StateUnavailableException>(
            () => store.GetThreadAsync("lark:cli_app:oc_chat:om_1", CancellationToken.None));

        Assert.Contains("'chatops-state'", claim.Message, StringComparison.Ordinal);
        Assert.Contains("network error", claim.Message, StringComparison.Ordinal);
        Assert.Contains("read thread", read.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CallerCancellationIsNotReportedAsUnavailable()
    {
        var store = new DynamoDbStateStore(UnreachableClient(), "chatops-state", Clock);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => store.TryClaimAsync("lark:cli_app:om_1", Guid.NewGuid().ToString("N"), TimeSpan.FromHours(8), new CancellationToken(canceled: true)));
    }

    public void Dispose()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }
    }

    protected override async Task<IStateStore> CreateStoreAsync() =>
        new DynamoDbStateStore(NewClient(), await dynalite.CreateTableAsync(), Clock);

    private AmazonDynamoDBClient NewClient()
    {
        var client = dynalite.Server.CreateClient();
        _clients.Add(client);
        return client;
    }

    private AmazonDynamoDBClient UnreachableClient()
    {
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        var client = new AmazonDynamoDBClient(
            new BasicAWSCredentials("test", "test"),
            new AmazonDynamoDBConfig
            {
                ServiceURL = $"http://127.0.0.1:{port}",
                AuthenticationRegion = "us-east-1",
                MaxErrorRetry = 0,
                Timeout = TimeSpan.FromSeconds(5),
            });
        _clients.Add(client);
        return client;
    }
}
