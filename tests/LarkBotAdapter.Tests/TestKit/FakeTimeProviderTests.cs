using ChatOps.TestKit;

namespace ChatOps.LarkBotAdapter.Tests.TestKit;

public sealed class FakeTimeProviderTests
{
    [Fact]
    public void TimeMovesOnlyWhenAdvanced()
    {
        var clock = new FakeTimeProvider();
        var start = clock.GetUtcNow();

        clock.Advance(TimeSpan.FromMinutes(5));

        Assert.Equal(FakeTimeProvider.DefaultStart, start);
        Assert.Equal(start.AddMinutes(5), clock.GetUtcNow());
        Assert.Equal(TimeSpan.FromMinutes(5), clock.GetElapsedTime(start.UtcTicks, clock.GetTimestamp()));
    }

    [Fact]
    public void SettingUtcNowForwardFiresDueTimers()
    {
        var clock = new FakeTimeProvider();
        var fired = 0;
        using var timer = clock.CreateTimer(_ => fired++, null, TimeSpan.FromSeconds(10), Timeout.InfiniteTimeSpan);

        clock.UtcNow = FakeTimeProvider.DefaultStart.AddSeconds(9);
        Assert.Equal(0, fired);
        clock.UtcNow = FakeTimeProvider.DefaultStart.AddSeconds(10);

        Assert.Equal(1, fired);
    }

    [Fact]
    public void PeriodicTimerFiresOncePerPeriodAtItsDueTimes()
    {
        var clock = new FakeTimeProvider();
        var firedAt = new List<DateTimeOffset>();
        using var timer = clock.CreateTimer(_ => firedAt.Add(clock.GetUtcNow()), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2));

        clock.Advance(TimeSpan.FromSeconds(6));

        Assert.Equal([1, 3, 5], firedAt.Select(t => (t - FakeTimeProvider.DefaultStart).TotalSeconds));
    }

    [Fact]
    public void DisposedTimerNeverFires()
    {
        var clock = new FakeTimeProvider();
        var fired = false;
        var timer = clock.CreateTimer(_ => fired = true, null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);

        timer.Dispose();
        clock.Advance(TimeSpan.FromSeconds(5));

        Assert.False(fired);
        Assert.False(timer.Change(TimeSpan.Zero, Timeout.InfiniteTimeSpan));
    }

    [Fact]
    public async Task DelayCompletesWhenTheClockPassesIt()
    {
        var clock = new FakeTimeProvider();
        var delay = Task.Delay(TimeSpan.FromSeconds(30), clock);

        clock.Advance(TimeSpan.FromSeconds(29));
        Assert.False(delay.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(1));

        await delay.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(delay.IsCompletedSuccessfully);
    }
}
