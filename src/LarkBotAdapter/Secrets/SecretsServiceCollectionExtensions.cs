using ChatOps.LarkBotAdapter.Aws;
using ChatOps.Settings;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ChatOps.LarkBotAdapter.Secrets;

public static class SecretsServiceCollectionExtensions
{
    // Start-up must fit Lambda's 10 s init: two quick retries of short attempts, not the default 3 × 20 s.
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(8);

    // When CHATOPS_SECRET_ID is set: reads the secret now (before any option is loaded, so start-up
    // validation sees its values and a missing key fails start-up naming it) and adds it to configuration below every
    // other source. Call right after creating the builder.
    // Throws PlatformSecretsException: The secret cannot be read, or lacks a key CHATOPS_SECRET_KEYS lists.
    public static TBuilder AddPlatformSecrets<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        var configuration = builder.Configuration;
        var secretId = configuration[PlatformSecrets.IdKey]?.Trim();
        if (!string.IsNullOrEmpty(secretId))
        {
            var secrets = new PlatformSecrets(
                secretId, PlatformSecrets.RequiredKeysFrom(configuration[PlatformSecrets.KeysKey]), FetchFrom(configuration, secretId));
            using (var timeout = new CancellationTokenSource(StartTimeout))
            {
                secrets.Load(timeout.Token);
            }
            builder.Configuration.Sources.Insert(0, new PlatformSecretsConfigurationSource(secrets));
            builder.Services.AddSingleton(secrets);
        }
        builder.Services.AddSecretRefresher();
        return builder;
    }

    // The refresher the auth paths call; a no-op unless AddPlatformSecrets found a secret.
    public static IServiceCollection AddSecretRefresher(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new SecretRefresher(
            sp.GetService<PlatformSecrets>(),
            sp.GetService<IConfiguration>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<SecretRefresher>>()));
        return services;
    }

    // Options that hold platform secrets: loaded and checked at start-up, and rebuilt when the platform secret is re-read
    // (rotation), so IOptionsMonitor<T> readers see the current values and plain T readers get them per use.
    internal static IServiceCollection AddRotatingOptions<T>(this IServiceCollection services, Action<T, IConfiguration> load)
        where T : class, IHasSettingErrors
    {
        services.AddOptions<T>().Configure(load).ValidateSettingsOnStart();
        services.AddSingleton<IOptionsChangeTokenSource<T>>(sp => new ConfigurationChangeTokenSource<T>(sp.GetRequiredService<IConfiguration>()));
        services.AddTransient(sp => sp.GetRequiredService<IOptionsMonitor<T>>().CurrentValue);
        return services.AddSecretRefresher();
    }

    // The same signed chain as the service clients, built by hand: the container does not exist yet.
    private static Func<CancellationToken, Task<string>> FetchFrom(IConfiguration configuration, string secretId)
    {
        var aws = new AwsSettings(configuration);
        var region = RegionOf(secretId) ?? aws.Region;
        var resilience = AwsServiceCollectionExtensions.ResilienceSettingsFrom(configuration) with
        {
            MaxRetries = 2,
            AttemptTimeout = TimeSpan.FromSeconds(2.5),
        };
        var http = new HttpClient(AwsServiceCollectionExtensions.CreateSignedHandler(aws, region, SecretsManagerClient.SigningName, resilience, TimeProvider.System))
        {
            BaseAddress = aws.Endpoint("SECRETS_MANAGER", "secretsmanager", region),
            Timeout = Timeout.InfiniteTimeSpan,
        };
        var client = new SecretsManagerClient(http);
        return cancellationToken => client.GetSecretStringAsync(secretId, cancellationToken);
    }

    // A full ARN names its region (arn:partition:secretsmanager:region:account:secret:name); a name uses the function's.
    private static string? RegionOf(string secretId)
    {
        var parts = secretId.Split(':');
        return parts.Length >= 7 && parts[0] == "arn" && parts[2] == "secretsmanager" && parts[3].Length > 0 ? parts[3] : null;
    }
}
