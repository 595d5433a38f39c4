using ChatOps.LarkBotAdapter.State;

namespace ChatOps.LarkBotAdapter.Tests.State;

/// <summary>Alarm episodes: a conditional save per version, so two deliveries of one alarm change open one thread.</summary>
public abstract partial class StateStoreContract
{
    private static AlarmEpisode Episode(string owner, long version = 0) => new(
        "alarm:lark:oc_alarms:arn:aws:cloudwatch:us-east-1:111111111111:alarm:checkout-api-5xx", "ALARM",
        new DateTimeOffset(2026, 12, 7, 19, 1, 2, TimeSpan.Zero), new DateTimeOffset(2026, 12, 7, 19, 1, 2, TimeSpan.Zero), owner,
        Listed: ["a", "b"], Version: version);

    protected async Task OnlyOneOfTwentyConcurrentEpisodeOpeningsWins()
    {
        var store = (IAlarmEpisodeStore)await CreateStoreAsync();

        var saves = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() => store.TrySaveEpisodeAsync(Episode("job-" + i), TimeSpan.FromDays(1), default))));

        Assert.Single(saves, s => s);
        var winner = "job-" + Array.IndexOf(saves, true);
        var stored = await store.GetEpisodeAsync(Episode("").Key, default);
        Assert.Equal(winner, stored?.Owner);
        Assert.Equal(1, stored?.Version);
    }

    protected async Task AnEpisodeRoundTripsAndAStaleSaveChangesNothing()
    {
        var store = (IAlarmEpisodeStore)await CreateStoreAsync();
        Assert.True(await store.TrySaveEpisodeAsync(Episode("job-1"), TimeSpan.FromDays(1), default));

        var stored = await store.GetEpisodeAsync(Episode("").Key, default);
        Assert.Equal(Episode("job-1", version: 1) with { Listed = null }, stored! with { Listed = null });
        Assert.Equal(["a", "b"], stored.Listed);
        Assert.False(await store.TrySaveEpisodeAsync(Episode("job-2"), TimeSpan.FromDays(1), default));
        Assert.True(await store.TrySaveEpisodeAsync(stored with { State = "OK", Owner = "job-3" }, TimeSpan.FromDays(1), default));
        Assert.False(await store.TrySaveEpisodeAsync(stored with { Owner = "job-4" }, TimeSpan.FromDays(1), default));
        var resolved = await store.GetEpisodeAsync(Episode("").Key, default);
        Assert.Equal(("OK", "job-3", 2L), (resolved?.State, resolved?.Owner, resolved?.Version));
    }

    protected async Task AnEpisodeIsForgottenAfterItsTtl()
    {
        var store = (IAlarmEpisodeStore)await CreateStoreAsync();
        Assert.True(await store.TrySaveEpisodeAsync(Episode("job-1"), TimeSpan.FromMinutes(10), default));

        Clock.Advance(TimeSpan.FromMinutes(11));

        Assert.Null(await store.GetEpisodeAsync(Episode("").Key, default));
        Assert.True(await store.TrySaveEpisodeAsync(Episode("job-2"), TimeSpan.FromMinutes(10), default));
    }
}
