namespace ChatOps.LarkBotAdapter.Aws;

// Knobs of HttpResilience (CHATOPS_HTTP_*).
public sealed record ResilienceSettings
{
    public int MaxRetries { get; init; } = 3;

    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMilliseconds(400);

    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(8);

    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(20);

    public int BreakerMinimumThroughput { get; init; } = 20;

    public TimeSpan BreakDuration { get; init; } = TimeSpan.FromSeconds(15);
}
