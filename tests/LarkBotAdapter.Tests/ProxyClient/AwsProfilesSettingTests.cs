using ChatOps.LarkBotAdapter.ProxyClient;
using Microsoft.Extensions.Configuration;

namespace ChatOps.LarkBotAdapter.Tests.ProxyClient;

public sealed class AwsProfilesSettingTests
{
    private static string[] Read(string? value) =>
        AwsProfilesSetting.From(new ConfigurationBuilder()
            .AddInMemoryCollection([new KeyValuePair<string, string?>("QCLI_AWS_PROFILES", value)])
            .Build());

    [Fact]
    public void ProfilesAreTrimmedAndDuplicatesIgnoringCaseDropped() =>
        Assert.Equal(["prod", "UAT", "logs"], Read(" prod, UAT ,,prod,uat, logs"));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void UnsetOrBlankIsNoProfile(string? value) => Assert.Empty(Read(value));

    [Fact]
    public void TheClassifierAndTheProxyOptionsReadTheSameList()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection([new KeyValuePair<string, string?>("QCLI_AWS_PROFILES", "prod,Prod, uat")])
            .Build();
        var options = new QCliProxyOptions();
        options.Load(configuration);
        Assert.Equal(AwsProfilesSetting.From(configuration), options.AwsProfiles);
    }
}
