using Microsoft.Extensions.Time.Testing;

namespace ChatOps.TestKit.Time;

/// <summary>
/// The library's <see cref="FakeTimeProvider"/>, plus a way to wait until the code under test has armed a timer: code
/// that arms one after an await (on another thread) would otherwise miss a clock the test advanced too early.
/// </summary>
public sealed class TimerAwareTimeProvider : FakeTimeProvider
{
    private readonly Lock gate = new();
    private readonly HashSet<WatchedTimer> armed = [];
    private readonly List<TaskCompletionSource> armedWaiters = [];

    public TimerAwareTimeProvider()
    {
    }

    public TimerAwareTimeProvider(DateTimeOffset start)
        : base(start)
    {
    }

    /// <summary>Timers that will fire when the clock reaches their due time (not yet fired, stopped or disposed).</summary>
    public int ArmedTimerCount
    {
        get
        {
            lock (gate)
            {
                return armed.Count;
            }
        }
    }

    /// <summary>Completes once at least one timer is armed.</summary>
    public Task WaitForActiveTimerAsync(CancellationToken ct = default)
    {
        lock (gate)
        {
            if (armed.Count > 0)
            {
                return Task.CompletedTask;
            }

            var waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            armedWaiters.Add(waiter);
            return waiter.Task.WaitAsync(ct);
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var timer = new WatchedTimer(this, callback, state);
        // Marked before the library sees it: the library fires a zero due time inside CreateTimer.
        timer.Schedule(dueTime, period);
        timer.Inner = base.CreateTimer(static s => ((WatchedTimer)s!).Fire(), timer, dueTime, period);
        // Waiters wake only now: the fake clock knows the timer, so a test that advances it next cannot get ahead of it.
        WakeWaitersIfArmed(timer);
        return timer;
    }

    private void SetArmed(WatchedTimer timer, bool isArmed)
    {
        lock (gate)
        {
            if (isArmed)
            {
                armed.Add(timer);
            }
            else
            {
                armed.Remove(timer);
            }
        }
    }

    private void WakeWaitersIfArmed(WatchedTimer timer)
    {
        TaskCompletionSource[] woken;
        lock (gate)
        {
            if (!armed.Contains(timer))
            {
                return;
            }

            woken = [.. armedWaiters];
            armedWaiters.Clear();
        }

        foreach (var waiter in woken)
        {
            waiter.TrySetResult();
        }
    }

    private sealed class WatchedTimer(TimerAwareTimeProvider owner, TimerCallback callback, object? state) : ITimer
    {
        private volatile bool periodic;
        private volatile bool disposed;

        public ITimer Inner { get; set; } = null!;

        public void Schedule(TimeSpan dueTime, TimeSpan period)
        {
            periodic = period > TimeSpan.Zero && period != Timeout.InfiniteTimeSpan;
            owner.SetArmed(this, dueTime != Timeout.InfiniteTimeSpan);
        }

        public void Fire()
        {
            owner.SetArmed(this, periodic);
            callback(state);
        }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            if (disposed)
            {
                return false;
            }

            Schedule(dueTime, period);
            var changed = Inner.Change(dueTime, period);
            owner.WakeWaitersIfArmed(this);
            return changed;
        }

        public void Dispose()
        {
            disposed = true;
            owner.SetArmed(this, false);
            Inner.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
