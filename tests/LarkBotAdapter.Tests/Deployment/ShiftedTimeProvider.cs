namespace ChatOps.LarkBotAdapter.Tests.Deployment;

/// <summary>The system clock moved by a fixed offset (timers still run in real time), so signed sample events with an
/// old timestamp are as fresh as when they were made.</summary>
public sealed class ShiftedTimeProvider(TimeSpan offset) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + offset;
}
