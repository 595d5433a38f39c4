using System.Net;
using ChatOps.TestKit.QCli;

namespace ChatOps.QCliProxy.Tests.Chat;

public sealed class ChatRequestRulesTests
{
    [Fact]
    public async Task KnownAwsProfileReachesTheCliAsAwsProfile()
    {
        await using var proxy = await QCliProxyHost.StartAsync();

        var reply = await proxy.ChatAsync("hi", awsProfile: "prod");

        Assert.Equal("prod", reply.Seen("AWS_PROFILE"));
    }

    [Fact]
    public async Task WithoutAProfileTheInstanceDefaultStays()
    {
        await using var proxy = await QCliProxyHost.StartAsync();

        var reply = await proxy.ChatAsync("hi");

        Assert.Equal("<unset>", reply.Seen("AWS_PROFILE"));
        Assert.Equal("[default]", reply.Seen("AWS_CONFIG_PROFILES")!.Trim());
        Assert.Equal("us-east-1", reply.Seen("AWS_REGION"));
    }

    [Fact]
    public async Task UnknownAwsProfileIsABadRequestAndRunsNothing()
    {
        await using var proxy = await QCliProxyHost.StartAsync();

        var reply = await proxy.ChatAsync("hi", awsProfile: "admin");

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal("application/x-ndjson", reply.ContentType);
        Assert.Equal("bad_request", reply.Terminal.Code);
        Assert.Contains("admin", reply.Terminal.Message, StringComparison.Ordinal);
        Assert.Equal(0, proxy.CliRuns);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"conversationId":"c1"}""")]
    [InlineData("""{"prompt":"hi"}""")]
    [InlineData("""{"conversationId":"c1","prompt":"   "}""")]
    [InlineData("""{"conversationId":"c1","prompt":"a\u0000b"}""")]
    public async Task SignedButInvalidBodyIsABadRequest(string json)
    {
        await using var proxy = await QCliProxyHost.StartAsync();

        var reply = await proxy.SendAsync(QCliProxySigner.ChatRequest(QCliProxyHost.Secret, json, DateTimeOffset.UtcNow));

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal("bad_request", reply.Terminal.Code);
        Assert.Equal(0, proxy.CliRuns);
    }

    [Fact]
    public async Task ProxySecretAndUnlistedVariablesNeverReachTheCli()
    {
        await using var proxy = await QCliProxyHost.StartAsync();

        var reply = await proxy.ChatAsync("hi");

        Assert.Equal("", reply.Seen("QCLI_PROXY_SECRET"));
        Assert.Equal("", reply.Seen("CHATOPS_UNLISTED"));
    }
}
