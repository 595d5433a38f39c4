using ChatOps.LarkBotAdapter.Aws;
using Amazon;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace ChatOps.LarkBotAdapter.State;

/// <summary>Registers the <see cref="IStateStore"/>: DynamoDB when a table is configured, in memory otherwise.</summary>
public static class StateServiceCollectionExtensions
{
    /// <summary>Configuration key (environment variable) naming the DynamoDB table.</summary>
    public const string TableKey = "CHATOPS_STATE_TABLE";

    /// <summary>DynamoDB-specific endpoint override (AWS convention), checked first.</summary>
    public const string DynamoDbEndpointKey = "AWS_ENDPOINT_URL_DYNAMODB";

    /// <summary>Endpoint override for every AWS service, checked second.</summary>
    public const string GlobalEndpointKey = "AWS_ENDPOINT_URL";

    /// <summary>AWS region of the table.</summary>
    public const string RegionKey = "AWS_REGION";

    /// <summary>Region used to sign requests to an endpoint override when no region is configured.</summary>
    public const string DefaultRegion = "us-east-1";

    public static IServiceCollection AddChatOpsState(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(TimeProvider.System);
        // Read when resolved, not now: hosts and tests may add configuration sources after registration.
        services.TryAddSingleton<IAmazonDynamoDB>(_ => CreateDynamoDbClient(configuration, new AwsSettings(configuration)));
        services.TryAddSingleton<IStateStore>(provider =>
        {
            var time = provider.GetRequiredService<TimeProvider>();
            var table = configuration[TableKey];
            if (string.IsNullOrWhiteSpace(table))
            {
                return new InMemoryStateStore(time);
            }

            return new DynamoDbStateStore(
                provider.GetRequiredService<IAmazonDynamoDB>(),
                table.Trim(),
                time,
                provider.GetService<ILogger<DynamoDbStateStore>>());
        });
        return services;
    }

    private static AmazonDynamoDBClient CreateDynamoDbClient(IConfiguration configuration, AwsSettings aws)
    {
        try
        {
            // Same credentials as every other AWS call: configuration keys first, else the SDK's default chain (resolved lazily).
            var config = CreateDynamoDbConfig(configuration);
            return aws.ExplicitCredentials is { } credentials ? new AmazonDynamoDBClient(credentials, config) : new AmazonDynamoDBClient(config);
        }
        catch (AmazonClientException ex)
        {
            throw new InvalidOperationException(
                $"{TableKey} is set but the DynamoDB client cannot be configured ({ex.Message}); "
                + $"set {RegionKey} or {DynamoDbEndpointKey}.", ex);
        }
    }

    /// <summary>Client settings (region, endpoint) from configuration.</summary>
    internal static AmazonDynamoDBConfig CreateDynamoDbConfig(IConfiguration configuration)
    {
        var config = new AmazonDynamoDBConfig
        {
            // The claim sits on the ack path (3 s for Lark and Slack): a failing table must fail fast, not after the
            // SDK's default retries and 100 s timeout. A state call normally takes milliseconds.
            MaxErrorRetry = 2,
            Timeout = TimeSpan.FromSeconds(1),
        };
        var region = NonEmpty(configuration[RegionKey]);
        var endpoint = NonEmpty(configuration[DynamoDbEndpointKey]) ?? NonEmpty(configuration[GlobalEndpointKey]);
        if (endpoint is not null)
        {
            // Set explicitly so the override works whatever the SDK reads from the environment itself.
            config.ServiceURL = endpoint;
            config.AuthenticationRegion = region ?? DefaultRegion;
        }
        else if (region is not null)
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(region);
        }

        return config;
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
