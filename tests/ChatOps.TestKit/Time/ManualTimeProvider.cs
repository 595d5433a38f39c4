namespace ChatOps.TestKit.Time;

/// <summary>
/// A <see cref="TimeProvider"/> whose clock moves only when a test says so. Timers fire, on the thread that
/// moves the clock, when time is advanced to or past their due time. Thread-safe.
/// </summary>
public sealed class ManualTimeProvider : TimeProvider
{
    private readonly Lock gate = new();
    private readonly List<ManualTimer> timers = [];
    private readonly List<TaskCompletionSource> timerWaiters = [];
    private DateTimeOffset now;

    public ManualTimeProvider()
        : this(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero))
    {
    }

    public ManualTimeProvider(DateTimeOffset start) => now = start;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    /// <summary>Timers that are scheduled to fire (created or changed with a finite due time, not yet fired or disposed).</summary>
    public int ActiveTimerCount
    {
        get
        {
            lock (gate)
            {
                return timers.Count(t => t.DueAt is not null);
            }
        }
    }

    public override DateTimeOffset GetUtcNow()
    {
        lock (gate)
        {
            return now;
        }
    }

    public override long GetTimestamp() => GetUtcNow().UtcTicks;

    /// <summary>Moves the clock forward and fires every timer that falls due, in due-time order.</summary>
    public void Advance(TimeSpan delta)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delta, TimeSpan.Zero);
        SetUtcNow(GetUtcNow() + delta);
    }

    /// <summary>Sets the clock (never backwards) and fires every timer that falls due.</summary>
    public void SetUtcNow(DateTimeOffset value)
    {
        lock (gate)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, now);
            now = value;
        }

        while (NextDueTimer() is { } timer)
        {
            timer.Fire();
        }
    }

    /// <summary>Completes once at least one timer is scheduled; lets a test advance time only after code under test armed a timer.</summary>
    public Task WaitForActiveTimerAsync(CancellationToken ct = default)
    {
        lock (gate)
        {
            if (timers.Any(t => t.DueAt is not null))
            {
                return Task.CompletedTask;
            }

            var waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            timerWaiters.Add(waiter);
            return waiter.Task.WaitAsync(ct);
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var timer = new ManualTimer(this, callback, state);
        lock (gate)
        {
            timers.Add(timer);
        }

        timer.Change(dueTime, period);
        return timer;
    }

    private ManualTimer? NextDueTimer()
    {
        lock (gate)
        {
            ManualTimer? next = null;
            foreach (var timer in timers)
            {
                if (timer.DueAt is { } due && due <= now && (next is null || due < next.DueAt))
                {
                    next = timer;
                }
            }

            return next;
        }
    }

    private void Schedule(ManualTimer timer, DateTimeOffset? dueAt, TimeSpan period)
    {
        TaskCompletionSource[] waiters = [];
        lock (gate)
        {
            timer.DueAt = dueAt;
            timer.Period = period;
            if (dueAt is not null)
            {
                waiters = [.. timerWaiters];
                timerWaiters.Clear();
            }
        }

        foreach (var waiter in waiters)
        {
            waiter.TrySetResult();
        }
    }

    private void Remove(ManualTimer timer)
    {
        lock (gate)
        {
            timers.Remove(timer);
        }
    }

    private sealed class ManualTimer(ManualTimeProvider owner, TimerCallback callback, object? state) : ITimer
    {
        public DateTimeOffset? DueAt { get; set; }

        public TimeSpan Period { get; set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            var due = dueTime == Timeout.InfiniteTimeSpan ? (DateTimeOffset?)null : owner.GetUtcNow() + dueTime;
            owner.Schedule(this, due, period);
            return true;
        }

        public void Fire()
        {
            DateTimeOffset? next = null;
            lock (owner.gate)
            {
                if (DueAt is { } due && Period > TimeSpan.Zero && Period != Timeout.InfiniteTimeSpan)
                {
                    next = due + Period;
                }

                DueAt = next;
            }

            callback(state);
        }

        public void Dispose() => owner.Remove(this);

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
