using ChatOps.TestKit.Time;

namespace ChatOps.LarkBotAdapter.Tests.TestKit;

public sealed class TimerAwareTimeProviderTests
{
    [Fact]
    public async Task WaitCompletesOnceATimerIsArmed()
    {
        var clock = new TimerAwareTimeProvider();
        var armed = clock.WaitForActiveTimerAsync();
        Assert.False(armed.IsCompleted);

        var delay = Task.Delay(TimeSpan.FromSeconds(30), clock);

        await armed.WaitAsync(TimeSpan.FromSeconds(10)); // safety net only: completes at once when it works
        Assert.Equal(1, clock.ArmedTimerCount);
        Assert.False(delay.IsCompleted);
    }

    [Fact]
    public async Task TimersFireWhenTheClockReachesThemAndAreThenNoLongerArmed()
    {
        var clock = new TimerAwareTimeProvider();
        var delay = Task.Delay(TimeSpan.FromSeconds(30), clock);

        clock.Advance(TimeSpan.FromSeconds(29));
        Assert.False(delay.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(1));

        await delay.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(0, clock.ArmedTimerCount);
        Assert.False(clock.WaitForActiveTimerAsync().IsCompleted);
    }

    [Fact]
    public void PeriodicTimerFiresOncePerPeriodAndStaysArmed()
    {
        var clock = new TimerAwareTimeProvider();
        var fired = 0;
        using var timer = clock.CreateTimer(_ => fired++, null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2));

        clock.Advance(TimeSpan.FromSeconds(6));

        Assert.Equal(3, fired); // at 1, 3 and 5 s
        Assert.Equal(1, clock.ArmedTimerCount);
    }

    [Fact]
    public void StoppedOrDisposedTimersAreNotArmedAndNeverFire()
    {
        var clock = new TimerAwareTimeProvider();
        var fired = 0;
        using var stopped = clock.CreateTimer(_ => fired++, null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);
        var disposed = clock.CreateTimer(_ => fired++, null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);
        Assert.Equal(2, clock.ArmedTimerCount);

        stopped.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        disposed.Dispose();
        clock.Advance(TimeSpan.FromSeconds(5));

        Assert.Equal(0, fired);
        Assert.Equal(0, clock.ArmedTimerCount);
        Assert.False(disposed.Change(TimeSpan.Zero, Timeout.InfiniteTimeSpan));
        Assert.Equal(0, fired);
    }

    [Fact]
    public void ZeroDueTimeFiresAtOnceWithoutStayingArmed()
    {
        var clock = new TimerAwareTimeProvider();
        var fired = 0;

        using var timer = clock.CreateTimer(_ => fired++, null, TimeSpan.Zero, Timeout.InfiniteTimeSpan);

        Assert.Equal(1, fired);
        Assert.Equal(0, clock.ArmedTimerCount);
    }
}
