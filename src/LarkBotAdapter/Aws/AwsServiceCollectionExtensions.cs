using Amazon.Runtime.Signing;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChatOps.LarkBotAdapter.Aws;

// Registers HTTP clients for AWS REST APIs: resilience (HttpResilience) outside SigV4 signing outside the socket handler.
public static class AwsServiceCollectionExtensions
{
    // Shared AWS settings and the resilience settings read from configuration.
    public static IServiceCollection AddAwsBasics(this IServiceCollection services)
    {
        services.TryAddSingleton<AwsSettings>();
        services.TryAddSingleton(sp => ResilienceSettingsFrom(sp.GetRequiredService<IConfiguration>()));
        return services;
    }

    // A typed client whose requests are SigV4-signed for signingName and, unless
    // retry is false (a request that must be sent at most once), retried.
    public static IHttpClientBuilder AddSignedAwsClient<TClient>(
        this IServiceCollection services,
        string signingName,
        Func<AwsSettings, string> region,
        Func<AwsSettings, Uri> endpoint,
        bool retry = true)
        where TClient : class
    {
        services.AddAwsBasics();
        var client = services.AddHttpClient<TClient>((sp, http) =>
            {
                http.BaseAddress = endpoint(sp.GetRequiredService<AwsSettings>());
                // Timeouts belong to the resilience pipeline (per attempt); streamed answers may run for minutes.
                http.Timeout = Timeout.InfiniteTimeSpan;
            })
            // The SDK's signing handler owns its inner handler, so signer ▸ sockets is the primary handler and the
            // resilience handler, added after it, wraps it: each attempt is signed again.
            .ConfigurePrimaryHttpMessageHandler(sp =>
            {
                var aws = sp.GetRequiredService<AwsSettings>();
                return CreateSigner(aws, region(aws), signingName);
            });
        return retry ? client.AddChatOpsResilience() : client;
    }

    // The handler chain of a signed client, for callers outside the container (configuration read at
    // start-up): resilience (unless resilience is null) ▸ SigV4 ▸ sockets without redirects.
    public static HttpMessageHandler CreateSignedHandler(
        AwsSettings aws, string region, string signingName, ResilienceSettings? resilience, TimeProvider time)
    {
        var signer = CreateSigner(aws, region, signingName);
        if (resilience is null)
        {
            return signer;
        }
        var handler = HttpResilience.CreateHandler(resilience, time);
        handler.InnerHandler = signer;
        return handler;
    }

    // The SDK's signing handler owns its inner handler (sockets without redirects).
    private static SigV4SigningHandler CreateSigner(AwsSettings aws, string region, string signingName) =>
        new(
            aws.Credentials,
            AwsSettings.RegionEndpointOf(region),
            signingName,
            new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) });

    // Reads CHATOPS_HTTP_* overrides (used by tests and tuning); defaults otherwise.
    public static ResilienceSettings ResilienceSettingsFrom(IConfiguration configuration)
    {
        var defaults = new ResilienceSettings();
        return defaults with
        {
            MaxRetries = configuration.GetValue("CHATOPS_HTTP_MAX_RETRIES", defaults.MaxRetries),
            BaseDelay = TimeSpan.FromMilliseconds(configuration.GetValue("CHATOPS_HTTP_RETRY_DELAY_MS", defaults.BaseDelay.TotalMilliseconds)),
            AttemptTimeout = TimeSpan.FromSeconds(configuration.GetValue("CHATOPS_HTTP_ATTEMPT_TIMEOUT_SECONDS", defaults.AttemptTimeout.TotalSeconds)),
        };
    }
}
