using ChatOps.IntentRecognition;
using ChatOps.LarkBotAdapter.State;

namespace ChatOps.LarkBotAdapter.Tests.State;

public sealed class InMemoryStateStoreTests : StateStoreContract
{
    [Fact]
    public Task ConcurrentEpisodeOpeningsHaveOneWinner() => OnlyOneOfTwentyConcurrentEpisodeOpeningsWins();

    [Fact]
    public Task EpisodeRoundTripsAndStaleSavesChangeNothing() => AnEpisodeRoundTripsAndAStaleSaveChangesNothing();

    [Fact]
    public Task EpisodeIsForgottenAfterItsTtl() => AnEpisodeIsForgottenAfterItsTtl();

    private readonly InMemoryStateStore _store;

    public InMemoryStateStoreTests() => _store = new InMemoryStateStore(Clock);

    [Fact]
    public Task OnlyOneOfTwentyConcurrentClaimsOfOneKeyWins() => OnlyOneOfTwentyConcurrentClaimsWins();

    [Fact]
    public Task SecondClaimOfTheSameKeyIsRefused() => ASecondClaimOfTheSameKeyIsRefused();

    [Fact]
    public Task ExpiredClaimCanBeClaimedAgain() => AnExpiredClaimCanBeClaimedAgain();

    [Fact]
    public Task ReleaseGivesUpOnlyTheReleasersOwnClaim() => AReleaseGivesUpOnlyTheReleasersOwnClaim();

    [Fact]
    public Task JobLeaseIsHeldByOneRunThenDone() => AJobLeaseIsHeldByOneRunThenDone();

    [Fact]
    public Task LeaseThatStoppedBeingRenewedIsTakenOver() => ALeaseThatStoppedBeingRenewedIsTakenOver();

    [Fact]
    public Task ReleasedLeaseIsFreeAtOnce() => AReleasedLeaseIsFreeAtOnce();

    [Fact]
    public Task ThreadContextRoundTrips() => AThreadContextRoundTrips();

    [Fact]
    public Task SavingThreadAgainReplacesIt() => SavingAThreadAgainReplacesIt();

    [Fact]
    public Task ConditionalSaveFromAStaleVersionChangesNothing() => AConditionalSaveFromAStaleVersionChangesNothing();

    [Fact]
    public Task TwoTurnsSavingOneThreadAtOnceKeepBoth() => TwoTurnsSavingOneThreadAtOnceKeepBothExchanges();

    [Fact]
    public Task ThreadIsForgottenAfterItsTtl() => AThreadIsForgottenAfterItsTtl();

    [Fact]
    public Task ThreadIsActiveUntilItsMarkerExpires() => AThreadIsActiveUntilItsMarkerExpires();

    [Fact]
    public Task PostedSegmentsAccumulatePerJob() => PostedSegmentsAreRecordedPerJobAndAccumulate();

    [Fact]
    public Task PostedSegmentsExpireWithTheirTtl() => PostedSegmentsAreForgottenAfterTheirTtl();

    [Fact]
    public Task LivePartsSitBelowSegmentsAndAreReplacedInPlace() => LivePartsAreRecordedBelowSegmentsAndReplacedInPlace();

    [Fact]
    public Task WindowCountsEachMemberOnceUpToItsCap() => AWindowCountsEachMemberOnceUpToItsCap();

    [Fact]
    public Task VoteIsKeptOncePerVoterAndReplacedByTheirNextOne() => AVoteIsKeptOncePerVoterAndReplacedByTheirNextOne();

    [Fact]
    public Task ConcurrentMembersOfAWindowAreAllCountedInMemory() => ConcurrentMembersOfAWindowAreAllCounted();

    [Fact]
    public async Task ExpiredEntriesAreSweptByLaterWrites()
    {
        for (var i = 0; i < 100; i++)
        {
            await _store.TryClaimAsync($"claim-{i}", Guid.NewGuid().ToString("N"), TimeSpan.FromMinutes(1), CancellationToken.None);
            await _store.MarkThreadActiveAsync($"thread-{i}", TimeSpan.FromMinutes(1), CancellationToken.None);
        }

        await _store.TryClaimAsync("long-lived", Guid.NewGuid().ToString("N"), TimeSpan.FromHours(8), CancellationToken.None);
        Assert.Equal(201, _store.EntryCount);

        Clock.Advance(InMemoryStateStore.SweepInterval + TimeSpan.FromMinutes(1));
        await _store.TryClaimAsync("trigger", Guid.NewGuid().ToString("N"), TimeSpan.FromMinutes(1), CancellationToken.None);

        Assert.Equal(2, _store.EntryCount);
        Assert.False(await _store.TryClaimAsync("long-lived", Guid.NewGuid().ToString("N"), TimeSpan.FromHours(8), CancellationToken.None));
    }

    [Fact]
    public async Task ClaimsBeyondTheCapDropTheOldestWhileTheNewestStayClaimed()
    {
        var store = new InMemoryStateStore(Clock, maxClaims: 1000, maxThreads: 1000);
        for (var i = 0; i < 3000; i++)
        {
            Clock.Advance(TimeSpan.FromMilliseconds(10));
            await store.TryClaimAsync($"claim-{i}", Guid.NewGuid().ToString("N"), TimeSpan.FromHours(24), CancellationToken.None);
        }

        Assert.InRange(store.EntryCount, 1, 1000 + InMemoryStateStore.WritesPerCapCheck);
        Assert.True(await store.TryClaimAsync("claim-0", Guid.NewGuid().ToString("N"), TimeSpan.FromHours(24), CancellationToken.None));
        Assert.False(await store.TryClaimAsync("claim-2999", Guid.NewGuid().ToString("N"), TimeSpan.FromHours(24), CancellationToken.None));
    }

    [Fact]
    public async Task ThreadsBeyondTheCapKeepTheMostRecentlyAnswered()
    {
        var store = new InMemoryStateStore(Clock, maxClaims: 1000, maxThreads: 500);
        await store.SaveThreadAsync(new ThreadContext("busy", [], new Dictionary<string, string>(), Clock.GetUtcNow()), TimeSpan.FromDays(7), CancellationToken.None);
        for (var i = 0; i < 2000; i++)
        {
            Clock.Advance(TimeSpan.FromSeconds(1));
            await store.SaveThreadAsync(new ThreadContext($"thread-{i}", [], new Dictionary<string, string>(), Clock.GetUtcNow()), TimeSpan.FromDays(7), CancellationToken.None);
            if (i % 100 == 0)
            {
                // Answering again renews the thread, so it is never the one closest to expiry.
                await store.SaveThreadAsync(new ThreadContext("busy", [], new Dictionary<string, string>(), Clock.GetUtcNow()), TimeSpan.FromDays(7), CancellationToken.None);
            }
        }

        Assert.InRange(store.EntryCount, 1, 500 + InMemoryStateStore.WritesPerCapCheck);
        Assert.NotNull(await store.GetThreadAsync("busy", CancellationToken.None));
        Assert.NotNull(await store.GetThreadAsync("thread-1999", CancellationToken.None));
        Assert.Null(await store.GetThreadAsync("thread-0", CancellationToken.None));
    }

    [Fact]
    public async Task SavedThreadIsNotChangedByLaterChangesToTheCallersCollections()
    {
        var turns = new List<ConversationTurn> { new(ConversationTurn.User, "hello") };
        var attributes = new Dictionary<string, string> { ["k"] = "v" };
        await _store.SaveThreadAsync(new ThreadContext("t", turns, attributes, Clock.GetUtcNow()), TimeSpan.FromHours(1), CancellationToken.None);

        turns.Add(new ConversationTurn(ConversationTurn.Assistant, "later"));
        attributes["k"] = "changed";
        var loaded = await _store.GetThreadAsync("t", CancellationToken.None);

        Assert.NotNull(loaded);
        Assert.Single(loaded.Turns);
        Assert.Equal("v", loaded.Attributes["k"]);
    }

    protected override Task<IStateStore> CreateStoreAsync() => Task.FromResult<IStateStore>(_store);
}
