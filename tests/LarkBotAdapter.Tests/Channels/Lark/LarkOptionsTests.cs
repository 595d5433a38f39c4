using ChatOps.LarkBotAdapter.Channels.Lark;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ChatOps.LarkBotAdapter.Tests.Channels.Lark;

/// <summary>Start-up checks of the LARK_* settings that involve other features.</summary>
public sealed class LarkOptionsTests
{
    private static IHost Build(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddLark();
        return builder.Build();
    }

    private static Dictionary<string, string?> TwoApps(string? encryptKeys, string? approvers) => new()
    {
        ["LARK_APP_ID"] = "cli_a,cli_b",
        ["LARK_APP_SECRET"] = "secret-a,secret-b",
        ["LARK_VERIFICATION_TOKEN"] = "token-a,token-b",
        ["LARK_ENCRYPT_KEY"] = encryptKeys,
        ["OPS_APPROVER_IDS"] = approvers,
        // Loopback and closed: a host that did start would reach no real Lark.
        ["LARK_BASE_URL"] = "http://127.0.0.1:9/",
    };

    [Theory]
    [InlineData("key-a,", "cli_b")]
    [InlineData(null, "cli_a, cli_b")]
    public async Task ApproversWithALarkAppWithoutEncryptKeyRefuseToStart(string? keys, string named)
    {
        using var host = Build(TwoApps(keys, "lark:ou_approver"));

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains($"LARK_ENCRYPT_KEY is missing for Lark app(s) {named}, but OPS_APPROVER_IDS is set", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("key-a,key-b", "lark:ou_approver")]
    [InlineData(null, null)]
    [InlineData("key-a,", "")]
    public void EncryptKeysAreRequiredOnlyWhenApproversAreSet(string? keys, string? approvers)
    {
        using var host = Build(TwoApps(keys, approvers));

        // The options as start-up validates them (without starting the host's warm-up).
        var options = host.Services.GetRequiredService<IOptions<LarkOptions>>().Value;

        Assert.Equal(["cli_a", "cli_b"], options.Apps.Select(a => a.AppId));
        Assert.Empty(options.Errors);
    }

    [Theory]
    [InlineData("an hour")]
    [InlineData("0")]
    public void ARequestAgeThatIsNotAWholeNumberOfSecondsNamesTheVariable(string value)
    {
        var options = new LarkOptions();
        options.Load(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["LARK_MAX_REQUEST_AGE_SECONDS"] = value }).Build());
        Assert.Contains(options.Errors, e => e.StartsWith("LARK_MAX_REQUEST_AGE_SECONDS must be a whole number from 1 to 604800", StringComparison.Ordinal));
    }

    // The base address is read like Slack's (SettingReader.BaseUrl): an address that is not http(s) would send the
    // app secret somewhere no Lark is, so it is refused at start, naming the variable, and the default stays.
    [Theory]
    [InlineData("ftp://open.larksuite.com")]
    [InlineData("open.larksuite.com")]
    public void ABaseUrlThatIsNotAnHttpAddressNamesTheVariable(string value)
    {
        var options = new LarkOptions();
        options.Load(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["LARK_BASE_URL"] = value }).Build());
        Assert.Contains(options.Errors, e => e.StartsWith("LARK_BASE_URL is not an absolute http(s) URL (default https://open.feishu.cn)", StringComparison.Ordinal));
        Assert.Equal(new Uri("https://open.feishu.cn/"), options.BaseUrl);
    }

    // A blank entry keeps its place, so the error names the list with the gap instead of pairing the wrong secrets.
    [Fact]
    public void ABlankEntryInAnAppListIsNamed()
    {
        var settings = TwoApps(null, null);
        settings["LARK_APP_SECRET"] = " ,secret-b";
        using var host = Build(settings);
        var error = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<LarkOptions>>().Value);
        Assert.Equal("LARK_APP_SECRET has an empty entry; every Lark app needs one.", error.Message);
    }
}
