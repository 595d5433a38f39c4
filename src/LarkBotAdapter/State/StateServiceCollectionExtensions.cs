using ChatOps.LarkBotAdapter.Aws;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace ChatOps.LarkBotAdapter.State;

// Registers the IStateStore: DynamoDB when a table is configured, in memory otherwise.
public static class StateServiceCollectionExtensions
{
    // Configuration key (environment variable) naming the DynamoDB table.
    public const string TableKey = "CHATOPS_STATE_TABLE";

    // The service part of DynamoDB's endpoint override, AWS_ENDPOINT_URL_DYNAMODB (AWS convention).
    public const string DynamoDbService = "DYNAMODB";

    public static IServiceCollection AddChatOpsState(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(TimeProvider.System);
        // Read when resolved, not now: hosts and tests may add configuration sources after registration.
        // Region, endpoint and credentials come from the same AwsSettings as every other AWS client.
        services.TryAddSingleton(_ => new AwsSettings(configuration));
        services.TryAddSingleton<IAmazonDynamoDB>(sp => CreateDynamoDbClient(sp.GetRequiredService<AwsSettings>()));
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
        // Both stores keep alarm episodes; a test double standing in for the store gets an in-memory one of its own.
        services.TryAddSingleton<IAlarmEpisodeStore>(provider =>
            provider.GetRequiredService<IStateStore>() as IAlarmEpisodeStore ?? new InMemoryStateStore(provider.GetRequiredService<TimeProvider>()));
        return services;
    }

    private static AmazonDynamoDBClient CreateDynamoDbClient(AwsSettings aws)
    {
        try
        {
            // Same credentials as every other AWS call: configuration keys first, else the SDK's default chain (resolved lazily).
            var config = CreateDynamoDbConfig(aws);
            return aws.ExplicitCredentials is { } credentials ? new AmazonDynamoDBClient(credentials, config) : new AmazonDynamoDBClient(config);
        }
        catch (AmazonClientException ex)
        {
            throw new InvalidOperationException(
                $"{TableKey} is set but the DynamoDB client cannot be configured ({ex.Message}); "
                + $"set AWS_REGION or {AwsSettings.EndpointKeyOf(DynamoDbService)}.", ex);
        }
    }

    // Client settings: the endpoint override (signed for AwsSettings.Region), else the region's endpoint.
    internal static AmazonDynamoDBConfig CreateDynamoDbConfig(AwsSettings aws)
    {
        var config = new AmazonDynamoDBConfig
        {
            // The claim sits on the ack path (3 s for Lark and Slack): a failing table must fail fast, not after the
            // SDK's default retries and 100 s timeout. A state call normally takes milliseconds.
            MaxErrorRetry = 2,
            Timeout = TimeSpan.FromSeconds(1),
        };
        if (aws.EndpointOverride(DynamoDbService) is { } endpoint)
        {
            // Set explicitly so the override works whatever the SDK reads from the environment itself.
            config.ServiceURL = endpoint.OriginalString;
            config.AuthenticationRegion = aws.Region;
        }
        else
        {
            config.RegionEndpoint = AwsSettings.RegionEndpointOf(aws.Region);
        }

        return config;
    }
}
