using ChatOps.TestKit.QCli;

namespace ChatOps.QCliProxy.Tests.Aws;

/// <summary>Each run sees an AWS config with only the profile it was given (and what that profile is built on).</summary>
public sealed class AwsProfileFilesTests
{
    [Fact]
    public async Task RunSeesOnlyItsProfileAndTheProfileItAssumesFrom()
    {
        await using var proxy = await QCliProxyHost.StartAsync();

        var reply = await proxy.ChatAsync("hi", awsProfile: "prod");

        Assert.Equal("prod", reply.Seen("AWS_PROFILE"));
        Assert.Equal("[profile prod] [profile base]", reply.Seen("AWS_CONFIG_PROFILES")!.Trim());
        Assert.Equal("[base]", reply.Seen("AWS_CREDENTIALS_PROFILES")!.Trim());
    }

    [Fact]
    public async Task AnotherProfilesRunSeesNeitherProdNorAdmin()
    {
        await using var proxy = await QCliProxyHost.StartAsync();

        var reply = await proxy.ChatAsync("hi", awsProfile: "uat");

        Assert.Equal("[profile uat]", reply.Seen("AWS_CONFIG_PROFILES")!.Trim());
        Assert.Equal("", reply.Seen("AWS_CREDENTIALS_PROFILES")!.Trim());
    }

    [Fact]
    public async Task RunFilesAreDeletedWhenTheRunEnds()
    {
        await using var proxy = await QCliProxyHost.StartAsync();

        await proxy.ChatAsync("hi", awsProfile: "prod");

        Assert.Empty(Directory.GetFileSystemEntries(Path.Combine(proxy.StateDir, ".runs")));
    }

    [Fact]
    public async Task AllowedProfileMissingFromTheConfigFailsWithoutRunningTheCli()
    {
        await using var proxy = await QCliProxyHost.StartAsync(s => s["QCLI_AWS_PROFILES"] = "prod,uat,staging");

        var reply = await proxy.ChatAsync("hi", awsProfile: "staging");

        Assert.Equal("failed", reply.Terminal.Code);
        Assert.Contains("'staging'", reply.Terminal.Message, StringComparison.Ordinal);
        Assert.Equal(0, proxy.CliRuns);
    }

    [Fact]
    public async Task RunFilesThatCannotBeWrittenEndInAFailedLineNotASilentStream()
    {
        await using var proxy = await QCliProxyHost.StartAsync();
        // A file where the runs folder should be: nothing can be created under it.
        await File.WriteAllTextAsync(Path.Combine(proxy.StateDir, ".runs"), "");

        var reply = await proxy.ChatAsync("hi", awsProfile: "prod");

        Assert.Equal("failed", reply.Terminal.Code);
        Assert.Equal(0, proxy.CliRuns);
    }
}
