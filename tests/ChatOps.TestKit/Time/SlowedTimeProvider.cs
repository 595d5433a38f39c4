namespace ChatOps.TestKit.Time;

/// <summary>
/// The system clock with elapsed time and timers running <c>factor</c> times slower (wall-clock dates unchanged, so
/// signatures and TTLs stay real). End-to-end tests of behaviour under fixed time budgets use it so that a loaded
/// machine cannot spend a budget that a quick one would not; the budgets themselves are tested with a fake clock.
/// </summary>
public sealed class SlowedTimeProvider(int factor) : TimeProvider
{
    public override long TimestampFrequency => System.TimestampFrequency;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow();

    public override TimeZoneInfo LocalTimeZone => System.LocalTimeZone;

    public override long GetTimestamp() => System.GetTimestamp() / factor;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        new SlowedTimer(System.CreateTimer(callback, state, Stretch(dueTime), Stretch(period)), this);

    private TimeSpan Stretch(TimeSpan span) => span <= TimeSpan.Zero || span == Timeout.InfiniteTimeSpan ? span : span * factor;

    // CancellationTokenSource.CancelAfter re-arms its timer through Change, which must stretch too.
    private sealed class SlowedTimer(ITimer inner, SlowedTimeProvider clock) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => inner.Change(clock.Stretch(dueTime), clock.Stretch(period));

        public void Dispose() => inner.Dispose();

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
