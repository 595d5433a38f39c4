using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace ChatOps.LarkBotAdapter.Aws;

// The resilience pipeline of outbound HTTP clients, from Microsoft.Extensions.Http.Resilience: retries of
// transient failures (429, 408, 5xx, attempt timeouts, connection errors) with jittered exponential backoff honouring
// Retry-After, a circuit breaker and a per-attempt timeout. It sits outside any signing handler, so every attempt
// is signed afresh.
public static class HttpResilience
{
    // A server's Retry-After is honoured up to this long; beyond it the caller's deadlines decide.
    public static readonly TimeSpan MaxRetryAfter = TimeSpan.FromSeconds(30);

    // Adds the pipeline to a client registered with the container (settings from ResilienceSettings).
    public static IHttpClientBuilder AddChatOpsResilience(this IHttpClientBuilder builder)
    {
        builder.AddResilienceHandler("chatops", (pipeline, context) => Configure(
            pipeline, context.ServiceProvider.GetRequiredService<ResilienceSettings>(), context.ServiceProvider.GetRequiredService<TimeProvider>()));
        return builder;
    }

    // The same pipeline as a handler, for a chain built before the container exists.
    public static DelegatingHandler CreateHandler(ResilienceSettings settings, TimeProvider time) =>
        new ResilienceHandler(Configure(new ResiliencePipelineBuilder<HttpResponseMessage>(), settings, time).Build());

    private static ResiliencePipelineBuilder<HttpResponseMessage> Configure(
        ResiliencePipelineBuilder<HttpResponseMessage> pipeline, ResilienceSettings settings, TimeProvider time)
    {
        pipeline.TimeProvider = time;
        var retry = new HttpRetryStrategyOptions
        {
            MaxRetryAttempts = settings.MaxRetries,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = settings.BaseDelay,
            MaxDelay = settings.MaxDelay,
            ShouldRetryAfterHeader = true,
        };
        var retryAfter = retry.DelayGenerator!;
        retry.DelayGenerator = async args => await retryAfter(args) is { } delay ? TimeSpan.FromTicks(Math.Min(delay.Ticks, MaxRetryAfter.Ticks)) : null;
        return pipeline
            .AddRetry(retry)
            .AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
            {
                FailureRatio = 0.8,
                MinimumThroughput = settings.BreakerMinimumThroughput,
                SamplingDuration = TimeSpan.FromSeconds(30),
                BreakDuration = settings.BreakDuration,
            })
            .AddTimeout(new HttpTimeoutStrategyOptions { Timeout = settings.AttemptTimeout });
    }
}
