using Amazon;
using Amazon.DynamoDBv2;
using ChatOps.LarkBotAdapter.Aws;
using ChatOps.LarkBotAdapter.State;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.LarkBotAdapter.Tests.State;

public sealed class StateServiceCollectionExtensionsTests
{
    [Fact]
    public void WithoutATableTheStoreIsInMemory()
    {
        using var provider = Build(new() { ["CHATOPS_STATE_TABLE"] = " " });

        Assert.IsType<InMemoryStateStore>(provider.GetRequiredService<IStateStore>());
        Assert.Same(provider.GetRequiredService<IStateStore>(), provider.GetRequiredService<IStateStore>());
    }

    [Fact]
    public void WithATableTheStoreIsDynamoDbOnThatTableAndEndpoint()
    {
        using var provider = Build(new()
        {
            ["CHATOPS_STATE_TABLE"] = "chatops-state",
            ["AWS_ENDPOINT_URL_DYNAMODB"] = "http://127.0.0.1:4567",
        });

        var store = Assert.IsType<DynamoDbStateStore>(provider.GetRequiredService<IStateStore>());
        var client = Assert.IsType<AmazonDynamoDBClient>(provider.GetRequiredService<IAmazonDynamoDB>());

        Assert.Equal("chatops-state", store.TableName);
        Assert.Equal(new Uri("http://127.0.0.1:4567"), new Uri(client.Config.ServiceURL));
    }

    [Fact]
    public void ConfigurationAddedAfterRegistrationIsHonoured()
    {
        var configuration = new ConfigurationManager();
        var services = new ServiceCollection().AddLogging().AddChatOpsState(configuration);
        configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["CHATOPS_STATE_TABLE"] = "late-table",
            ["AWS_REGION"] = "eu-west-1",
        });

        using var provider = services.BuildServiceProvider();

        Assert.Equal("late-table", Assert.IsType<DynamoDbStateStore>(provider.GetRequiredService<IStateStore>()).TableName);
    }

    [Fact]
    public void DynamoDbEndpointOverrideWinsOverTheGlobalOne()
    {
        var config = StateServiceCollectionExtensions.CreateDynamoDbConfig(Settings(new()
        {
            ["AWS_ENDPOINT_URL"] = "http://127.0.0.1:1111",
            ["AWS_ENDPOINT_URL_DYNAMODB"] = "http://127.0.0.1:2222",
        }));

        Assert.Equal(2222, new Uri(config.ServiceURL).Port);
    }

    [Fact]
    public void GlobalEndpointOverrideIsUsedWhenNoDynamoDbOneIsSet()
    {
        var config = StateServiceCollectionExtensions.CreateDynamoDbConfig(Settings(new()
        {
            ["AWS_ENDPOINT_URL"] = "http://127.0.0.1:1111",
        }));

        Assert.Equal(1111, new Uri(config.ServiceURL).Port);
    }

    [Fact]
    public void EndpointOverrideIsSignedForUsEast1WhenNoRegionIsSet()
    {
        var config = StateServiceCollectionExtensions.CreateDynamoDbConfig(Settings(new()
        {
            ["AWS_ENDPOINT_URL_DYNAMODB"] = "http://127.0.0.1:2222",
        }));

        Assert.Equal("us-east-1", config.AuthenticationRegion);
    }

    [Fact]
    public void EndpointOverrideIsSignedForTheConfiguredRegion()
    {
        var config = StateServiceCollectionExtensions.CreateDynamoDbConfig(Settings(new()
        {
            ["AWS_ENDPOINT_URL_DYNAMODB"] = "http://127.0.0.1:2222",
            ["AWS_REGION"] = "ap-southeast-1",
        }));

        Assert.Equal("ap-southeast-1", config.AuthenticationRegion);
    }

    [Fact]
    public void RegionAloneSelectsThatRegionsEndpoint()
    {
        var config = StateServiceCollectionExtensions.CreateDynamoDbConfig(Settings(new()
        {
            ["AWS_REGION"] = "eu-west-1",
        }));

        Assert.Null(config.ServiceURL);
        Assert.Equal(RegionEndpoint.EUWest1, config.RegionEndpoint);
    }

    [Fact]
    public void RegionIsReadAsEveryOtherAwsClientReadsIt()
    {
        var config = StateServiceCollectionExtensions.CreateDynamoDbConfig(Settings(new()
        {
            ["AWS_REGION"] = " ",
            ["AWS_DEFAULT_REGION"] = "eu-central-1",
        }));

        Assert.Equal(RegionEndpoint.EUCentral1, config.RegionEndpoint);
    }

    private static ServiceProvider Build(Dictionary<string, string?> values) =>
        new ServiceCollection().AddLogging().AddChatOpsState(Configuration(values)).BuildServiceProvider();

    private static AwsSettings Settings(Dictionary<string, string?> values) => new(Configuration(values));

    private static IConfiguration Configuration(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
