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
    public async Task WithVendedCredentialsTheCliSeesOnlyTheAssumedRolesKeys()
    {
        await using var imds = await FakeInstanceMetadata.StartAsync();
        await using var sts = await FakeSts.StartAsync(() => DateTimeOffset.UtcNow);
        await using var proxy = await QCliProxyHost.StartAsync(s =>
        {
            s["QCLI_VEND_CREDENTIALS"] = "true";
            s["AWS_EC2_METADATA_SERVICE_ENDPOINT"] = imds.BaseAddress.ToString();
            s["AWS_ENDPOINT_URL_STS"] = sts.BaseAddress.ToString();
        });

        var reply = await proxy.ChatAsync("hi", awsProfile: "uat");

        Assert.Equal("[profile uat]", reply.Seen("AWS_CONFIG_PROFILES")!.Trim());
        Assert.Equal("", reply.Seen("AWS_CONFIG_SOURCE_KEYS")!.Trim());
        Assert.Equal(FakeSts.AccessKeyIdOf(1), reply.Seen("AWS_ACCESS_KEY_IDS")!.Trim());
        Assert.Equal("arn:aws:iam::222222222222:role/ChatOpsReadOnly", Assert.Single(sts.Calls).RoleArn);
    }

    [Fact]
    public async Task ADeniedAssumeRoleEndsTheRunWithAFailedLineWithoutRunningTheCli()
    {
        await using var imds = await FakeInstanceMetadata.StartAsync();
        await using var sts = await FakeSts.StartAsync(() => DateTimeOffset.UtcNow);
        sts.Denied["arn:aws:iam::222222222222:role/ChatOpsReadOnly"] = true;
        await using var proxy = await QCliProxyHost.StartAsync(s =>
        {
            s["QCLI_VEND_CREDENTIALS"] = "true";
            s["AWS_EC2_METADATA_SERVICE_ENDPOINT"] = imds.BaseAddress.ToString();
            s["AWS_ENDPOINT_URL_STS"] = sts.BaseAddress.ToString();
        });

        var reply = await proxy.ChatAsync("hi", awsProfile: "uat");

        Assert.Equal("failed", reply.Terminal.Code);
        Assert.Contains("AssumeRole of arn:aws:iam::222222222222:role/ChatOpsReadOnly", reply.Terminal.Message, StringComparison.Ordinal);
        Assert.Contains("403 AccessDenied", reply.Terminal.Message, StringComparison.Ordinal);
        Assert.Equal(0, proxy.CliRuns);
        Assert.DoesNotContain(proxy.Logs.Lines, l => l.Contains(FakeInstanceMetadata.SecretAccessKey, StringComparison.Ordinal));
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
