namespace ChatOps.TestKit;

/// <summary>A clock that moves only when a test moves it. Timers (and so <c>Task.Delay(..., provider)</c>)
/// fire synchronously, in due order, inside <see cref="Advance"/> or when set to a later time.</summary>
public sealed class FakeTimeProvider : TimeProvider
{
    /// <summary>The default start: a fixed, whole-second instant, so tests never depend on the real date.</summary>
    public static readonly DateTimeOffset DefaultStart = new(2025, 1, 15, 9, 30, 0, TimeSpan.Zero);

    private readonly Lock _gate = new();
    private readonly List<FakeTimer> _timers = [];
    private DateTimeOffset _now;

    public FakeTimeProvider()
        : this(DefaultStart)
    {
    }

    public FakeTimeProvider(DateTimeOffset start) => _now = start.ToUniversalTime();

    /// <summary>The current time; setting it to a later time fires the timers due in between.</summary>
    public DateTimeOffset UtcNow
    {
        get => GetUtcNow();
        set => Advance(value - GetUtcNow());
    }

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    public override long GetTimestamp() => GetUtcNow().UtcTicks;

    /// <summary>Moves the clock forward, firing every timer that falls due on the way at its due time.</summary>
    public void Advance(TimeSpan delta)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delta, TimeSpan.Zero);
        DateTimeOffset target;
        lock (_gate)
        {
            target = _now + delta;
        }

        FireDue(target);
        lock (_gate)
        {
            _now = target;
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var timer = new FakeTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    private void Schedule(FakeTimer timer, TimeSpan dueTime, TimeSpan period)
    {
        lock (_gate)
        {
            _timers.Remove(timer);
            if (dueTime == Timeout.InfiniteTimeSpan)
            {
                return;
            }

            timer.DueAt = _now + dueTime;
            timer.Period = period == Timeout.InfiniteTimeSpan ? TimeSpan.Zero : period;
            _timers.Add(timer);
        }

        // Like a real timer with a zero due time, it fires without waiting for the clock to move.
        FireDue(GetUtcNow());
    }

    private void Unschedule(FakeTimer timer)
    {
        lock (_gate)
        {
            _timers.Remove(timer);
        }
    }

    private void FireDue(DateTimeOffset until)
    {
        while (true)
        {
            FakeTimer? next;
            lock (_gate)
            {
                next = _timers.Where(t => t.DueAt <= until).MinBy(t => t.DueAt);
                if (next is null)
                {
                    return;
                }

                if (next.DueAt > _now)
                {
                    _now = next.DueAt;
                }

                _timers.Remove(next);
                if (next.Period > TimeSpan.Zero)
                {
                    next.DueAt += next.Period;
                    _timers.Add(next);
                }
            }

            // Outside the lock: a callback may read the clock or change its own timer.
            next.Callback(next.State);
        }
    }

    private sealed class FakeTimer(FakeTimeProvider owner, TimerCallback callback, object? state) : ITimer
    {
        private volatile bool _disposed;

        public TimerCallback Callback { get; } = callback;

        public object? State { get; } = state;

        public DateTimeOffset DueAt { get; set; }

        public TimeSpan Period { get; set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            if (_disposed)
            {
                return false;
            }

            owner.Schedule(this, dueTime, period);
            return true;
        }

        public void Dispose()
        {
            _disposed = true;
            owner.Unschedule(this);
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
