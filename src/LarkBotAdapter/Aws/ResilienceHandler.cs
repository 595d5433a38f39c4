using System.Net;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace ChatOps.LarkBotAdapter.Aws;

/// <summary>Retries transient failures (429, 5xx, timeouts, connection errors) with jittered backoff, a per-attempt
/// timeout and a circuit breaker. Sits outside any signing handler so every attempt is signed afresh.</summary>
public sealed class ResilienceHandler(ResiliencePipeline<HttpResponseMessage> pipeline) : DelegatingHandler
{
    /// <summary>Marks a request whose body cannot be replayed (no retries then).</summary>
    public static readonly HttpRequestOptionsKey<bool> NoRetry = new("ChatOps.NoRetry");

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Options.TryGetValue(NoRetry, out var noRetry) && noRetry)
        {
            return await base.SendAsync(request, cancellationToken);
        }
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        try
        {
            var outcome = await pipeline.ExecuteOutcomeAsync(
                static async (ctx, state) =>
                {
                    try
                    {
                        return Outcome.FromResult(await state.Self.SendCoreAsync(state.Request, ctx.CancellationToken));
                    }
                    catch (Exception ex)
                    {
                        return Outcome.FromException<HttpResponseMessage>(ex);
                    }
                },
                context,
                (Self: this, Request: request));
            outcome.ThrowIfException();
            return outcome.Result!;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private Task<HttpResponseMessage> SendCoreAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        base.SendAsync(request, cancellationToken);

    /// <summary>Whether a response is worth retrying.</summary>
    public static bool IsTransient(HttpResponseMessage response) =>
        response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout
        || (int)response.StatusCode >= 500;

    /// <summary>The standard pipeline for outbound HTTP calls.</summary>
    public static ResiliencePipeline<HttpResponseMessage> CreatePipeline(ResilienceSettings settings, TimeProvider time)
    {
        var handled = new PredicateBuilder<HttpResponseMessage>()
            .Handle<HttpRequestException>()
            .Handle<TimeoutRejectedException>()
            .HandleResult(IsTransient);
        return new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                ShouldHandle = handled,
                MaxRetryAttempts = settings.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = settings.BaseDelay,
                MaxDelay = settings.MaxDelay,
                DelayGenerator = static args => ValueTask.FromResult(RetryAfter(args.Outcome.Result)),
                OnRetry = static args =>
                {
                    args.Outcome.Result?.Dispose();
                    return default;
                },
            })
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
            {
                ShouldHandle = handled,
                FailureRatio = 0.8,
                MinimumThroughput = settings.BreakerMinimumThroughput,
                SamplingDuration = TimeSpan.FromSeconds(30),
                BreakDuration = settings.BreakDuration,
            })
            .AddTimeout(settings.AttemptTimeout)
            .Build();
    }

    // Honour Retry-After (seconds or date) when the server sends one; otherwise the default backoff applies.
    private static TimeSpan? RetryAfter(HttpResponseMessage? response)
    {
        var header = response?.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta < TimeSpan.FromSeconds(30) ? delta : TimeSpan.FromSeconds(30);
        }
        return null;
    }
}
