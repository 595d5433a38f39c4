using ChatOps.LarkBotAdapter.ProxyClient;
using Microsoft.Extensions.Configuration;

namespace ChatOps.LarkBotAdapter.Tests.ProxyClient;

public sealed class QCliProxyOptionsTests
{
    private const string Secret = "test-qcli-proxy-secret";

    private static QCliProxyOptions Load(params (string Key, string? Value)[] values)
    {
        var options = new QCliProxyOptions();
        options.Load(new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value)))
            .Build());
        return options;
    }

    [Fact]
    public void FullConfigurationLoads()
    {
        var options = Load(
            ("QLI_SERVER_ADDRESS", "http://10.0.1.23:8080"),
            ("QCLI_PROXY_SECRET", Secret),
            ("QCLI_AWS_PROFILES", " prod, uat ,logs,prod"),
            ("OPS_ALLOWED_CHAT_IDS", "oc_a,oc_b"),
            ("OPS_ALLOWED_USER_IDS", "ou_x"));

        Assert.Empty(options.Errors);
        Assert.True(options.IsConfigured);
        Assert.Equal(new Uri("http://10.0.1.23:8080/"), options.Address);
        Assert.Equal(["prod", "uat", "logs"], options.AwsProfiles);
        Assert.Equal(["oc_a", "oc_b"], options.AllowedChatIds.Order());
        Assert.Equal(3, options.ConnectAttempts);
    }

    [Fact]
    public void PathPrefixOfTheAddressIsKept()
    {
        var options = Load(("QLI_SERVER_ADDRESS", "https://ops.internal.example/qcli"), ("QCLI_PROXY_SECRET", Secret));

        Assert.Equal(new Uri("https://ops.internal.example/qcli/v1/chat"), new Uri(options.Address!, QCliProxyClient.ChatPath));
    }

    [Fact]
    public void AddressWithoutSecretNamesTheSecret()
    {
        var options = Load(("QLI_SERVER_ADDRESS", "http://10.0.1.23:8080"));

        Assert.False(options.IsConfigured);
        Assert.Contains(options.Errors, e => e.StartsWith("QCLI_PROXY_SECRET is not set", StringComparison.Ordinal));
    }

    [Fact]
    public void SecretWithoutAddressNamesTheAddress()
    {
        var options = Load(("QCLI_PROXY_SECRET", Secret));

        Assert.Contains(options.Errors, e => e.StartsWith("QLI_SERVER_ADDRESS is not set", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("10.0.1.23:8080")]
    [InlineData("ftp://10.0.1.23/")]
    [InlineData("not a url")]
    [InlineData("http://user:pass@10.0.1.23:8080")]
    [InlineData("http://10.0.1.23:8080/?x=1")]
    public void UnusableAddressIsRejectedByName(string address)
    {
        var options = Load(("QLI_SERVER_ADDRESS", address), ("QCLI_PROXY_SECRET", Secret), ("OPS_ALLOW_EVERYONE", "true"));

        var error = Assert.Single(options.Errors);
        Assert.StartsWith("QLI_SERVER_ADDRESS", error, StringComparison.Ordinal);
    }

    [Fact]
    public void ShortSecretIsRejected()
    {
        var options = Load(("QLI_SERVER_ADDRESS", "http://10.0.1.23:8080"), ("QCLI_PROXY_SECRET", "short"), ("OPS_ALLOW_EVERYONE", "true"));

        Assert.StartsWith("QCLI_PROXY_SECRET is shorter", Assert.Single(options.Errors), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("QCLI_AWS_PROFILES", "prod,read only")]
    [InlineData("QCLI_PROXY_CONNECT_ATTEMPTS", "0")]
    [InlineData("QCLI_PROXY_RETRY_DELAY_MS", "soon")]
    [InlineData("QCLI_PROXY_HEADERS_TIMEOUT_SECONDS", "-5")]
    [InlineData("OPS_ALLOW_EVERYONE", "yes please")]
    public void BadOptionalValueIsRejectedByName(string name, string value)
    {
        var options = Load(("QLI_SERVER_ADDRESS", "http://10.0.1.23:8080"), ("QCLI_PROXY_SECRET", Secret), ("OPS_ALLOWED_USER_IDS", "ou_x"), (name, value));

        Assert.StartsWith(name, Assert.Single(options.Errors), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("false")]
    public void WithoutAnAllowListOrTheExplicitOptInNobodyIsAllowed(string? allowEveryone)
    {
        var options = Load(("QLI_SERVER_ADDRESS", "http://10.0.1.23:8080"), ("QCLI_PROXY_SECRET", Secret), ("OPS_ALLOW_EVERYONE", allowEveryone));

        var error = Assert.Single(options.Errors);
        Assert.Contains("OPS_ALLOW_EVERYONE=true", error, StringComparison.Ordinal);
        Assert.False(options.Allows("oc_any", "ou_any"));
    }

    [Fact]
    public void ListsStillApplyWhenEveryoneIsAllowed()
    {
        var options = Load(("OPS_ALLOW_EVERYONE", "true"), ("OPS_ALLOWED_USER_IDS", "ou_x"));

        Assert.True(options.Allows("oc_any", "ou_x"));
        Assert.False(options.Allows("oc_any", "ou_y"));
    }

    [Theory]
    [InlineData(null, null, "oc_any", "ou_any", false)]
    [InlineData("oc_a", null, "oc_a", "ou_any", true)]
    [InlineData("oc_a", null, "oc_b", "ou_any", false)]
    [InlineData(null, "ou_x", "oc_any", "ou_x", true)]
    [InlineData(null, "ou_x", "oc_any", "ou_y", false)]
    [InlineData("oc_a", "ou_x", "oc_a", "ou_y", false)]
    [InlineData("oc_a", "ou_x", "oc_b", "ou_x", false)]
    [InlineData("oc_a", "ou_x", "oc_a", "ou_x", true)]
    public void EveryAllowListThatIsSetMustAdmit(string? chats, string? users, string chat, string user, bool allowed)
    {
        var options = Load(("OPS_ALLOWED_CHAT_IDS", chats), ("OPS_ALLOWED_USER_IDS", users));

        Assert.Equal(allowed, options.Allows(chat, user));
    }
}
