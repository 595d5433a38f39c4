using ChatOps.IntentRecognition;
using ChatOps.LarkBotAdapter.Approvals;
using ChatOps.LarkBotAdapter.Conversations;
using ChatOps.LarkBotAdapter.Ops;
using ChatOps.LarkBotAdapter.ProxyClient;
using ChatOps.LarkBotAdapter.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ChatOps.LarkBotAdapter.Tests.Ops;

public sealed class OpsServiceCollectionExtensionsTests
{
    private static readonly Dictionary<string, string?> Proxy = new()
    {
        ["QLI_SERVER_ADDRESS"] = "http://127.0.0.1:9/",
        ["QCLI_PROXY_SECRET"] = "test-qcli-proxy-secret",
        ["OPS_ALLOW_EVERYONE"] = "true",
    };

    private static IConfiguration Configuration(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();

    private static ServiceProvider Build(IConfiguration configuration)
    {
        var services = new ServiceCollection().AddLogging().AddSingleton(TimeProvider.System);
        services.AddIntentRecognition(configuration);
        services.AddRoutes();
        // The ops route hands proposals to the approval desk, which posts through the chat channels.
        services.AddApprovals(configuration).AddSingleton(new ChatChannels([]));
        services.AddAwsOps(configuration);
        return services.BuildServiceProvider();
    }

    [Fact]
    public void WithoutTheProxyVariablesTheRouteStaysNotConfigured()
    {
        using var provider = Build(Configuration([]));

        Assert.IsType<NotConfiguredResponder>(provider.GetRequiredService<RouteTable>().For(Intent.AwsOps));
        Assert.Null(provider.GetService<QCliProxyClient>());
    }

    [Fact]
    public void AddressAndSecretReplaceTheNotConfiguredResponder()
    {
        using var provider = Build(Configuration(Proxy));

        Assert.IsType<AwsOpsResponder>(provider.GetRequiredService<RouteTable>().For(Intent.AwsOps));
        Assert.IsType<OffTopicResponder>(provider.GetRequiredService<RouteTable>().For(Intent.OffTopic));
    }

    [Fact]
    public async Task HalfConfiguredProxyFailsStartUpNamingTheMissingVariable()
    {
        var configuration = Configuration(new() { ["QLI_SERVER_ADDRESS"] = "http://127.0.0.1:9/" });
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddAwsOps(configuration);
        using var host = builder.Build();

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("QCLI_PROXY_SECRET is not set", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProxyWithoutAnyAllowListFailsStartUpNamingTheExplicitOptIn()
    {
        var configuration = Configuration(new()
        {
            ["QLI_SERVER_ADDRESS"] = "http://127.0.0.1:9/",
            ["QCLI_PROXY_SECRET"] = "test-qcli-proxy-secret",
        });
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddAwsOps(configuration);
        using var host = builder.Build();

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("OPS_ALLOW_EVERYONE=true", ex.Message, StringComparison.Ordinal);
        Assert.Contains("OPS_ALLOWED_CHAT_IDS", ex.Message, StringComparison.Ordinal);
        Assert.Contains("OPS_ALLOWED_USER_IDS", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("OPS_ALLOW_EVERYONE", "true")]
    [InlineData("OPS_ALLOWED_CHAT_IDS", "oc_sre_room")]
    [InlineData("OPS_ALLOWED_USER_IDS", "ou_sre_1")]
    public async Task ProxyStartsOnceWhoMayUseItIsSaid(string name, string value)
    {
        var configuration = Configuration(new()
        {
            ["QLI_SERVER_ADDRESS"] = "http://127.0.0.1:9/",
            ["QCLI_PROXY_SECRET"] = "test-qcli-proxy-secret",
            [name] = value,
        });
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddAwsOps(configuration);
        using var host = builder.Build();

        await host.StartAsync();

        Assert.Empty(host.Services.GetRequiredService<QCliProxyOptions>().Errors);
        await host.StopAsync();
    }

    [Fact]
    public void ConfiguredProfilesReachBothClassifiers()
    {
        var values = new Dictionary<string, string?>(Proxy)
        {
            ["QCLI_AWS_PROFILES"] = "prod,uat",
            ["RECOGNITION_MODEL_ID"] = "test-model",
            ["KNOWLEDGE_SUMMARY"] = "runbooks for checkout-api",
        };
        using var provider = Build(Configuration(values));

        var local = provider.GetRequiredService<LocalIntentClassifier>();
        Assert.Equal(["prod", "uat"], local.AwsProfiles);
        Assert.Equal("runbooks for checkout-api", local.KnowledgeSummary);
        Assert.Equal(["prod", "uat"], provider.GetRequiredService<BedrockClassifierOptions>().AwsProfiles);
    }

    [Fact]
    public void WithoutProfilesTheClassifiersAreLeftAlone()
    {
        using var provider = Build(Configuration(Proxy));

        Assert.Empty(provider.GetRequiredService<LocalIntentClassifier>().AwsProfiles);
    }
}
