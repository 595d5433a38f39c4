using System.Net;
using ChatOps.TestKit.QCli;

namespace ChatOps.QCliProxy.Tests.Security;

// v2 signatures bind the method and the protocol path; v1 is accepted only with QCLI_ACCEPT_V1_SIGNATURES=true.
public sealed class SignatureBindingTests
{
    private const string ExecutePath = "/v1/proposals/P-NOSUCHPROPOSAL/execute";
    private const string ExecuteBody = """{"argumentsHash":"0000000000000000000000000000000000000000000000000000000000000000","approvedBy":"lark:ou_x"}""";

    [Fact]
    public async Task AV1SignatureIsRefusedByDefaultAndNothingRuns()
    {
        await using var proxy = await QCliProxyHost.StartAsync();

        var reply = await proxy.SendAsync(V1(QCliProxySigner.ChatPath, QCliProxyHost.Json("hi")));

        Assert.Equal(HttpStatusCode.Unauthorized, reply.Status);
        Assert.Equal(0, proxy.CliRuns);
        Assert.Contains(proxy.Logs.Lines, l => l.Contains("VersionRefused", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AV1SignatureIsAcceptedWhenTheRollingUpgradeSettingIsOn()
    {
        await using var proxy = await QCliProxyHost.StartAsync(s => s["QCLI_ACCEPT_V1_SIGNATURES"] = "true");

        var reply = await proxy.SendAsync(V1(QCliProxySigner.ChatPath, QCliProxyHost.Json("hi")));

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal(1, proxy.CliRuns);
        Assert.Contains(proxy.Logs.Lines, l => l.Contains("QCLI_ACCEPT_V1_SIGNATURES is on", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AV2SignatureForTheChatPathIsRefusedOnTheExecutePath()
    {
        await using var proxy = await QCliProxyHost.StartAsync();

        using var forChat = await proxy.Client.SendAsync(V2("POST", QCliProxySigner.ChatPath, ExecutePath, ExecuteBody));
        using var forExecute = await proxy.Client.SendAsync(V2("POST", ExecutePath, ExecutePath, ExecuteBody));

        Assert.Equal(HttpStatusCode.Unauthorized, forChat.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, forExecute.StatusCode);
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("PUT")]
    public async Task AV2SignatureForAnotherMethodIsRefused(string method)
    {
        await using var proxy = await QCliProxyHost.StartAsync();
        var now = DateTimeOffset.UtcNow;

        var other = await proxy.SendAsync(V2(method, QCliProxySigner.ChatPath, QCliProxySigner.ChatPath, QCliProxyHost.Json("hi"), now));
        var post = await proxy.SendAsync(V2("POST", QCliProxySigner.ChatPath, QCliProxySigner.ChatPath, QCliProxyHost.Json("hi"), now));

        Assert.Equal(HttpStatusCode.Unauthorized, other.Status);
        Assert.Equal(HttpStatusCode.OK, post.Status);
        Assert.Equal(1, proxy.CliRuns);
    }

    private static HttpRequestMessage V1(string path, string json) =>
        QCliProxySigner.SignedPost(path, json, DateTimeOffset.UtcNow, (t, b) => QCliProxySigner.SignatureV1(QCliProxyHost.Secret, t, b));

    private static HttpRequestMessage V2(string method, string signedPath, string sentTo, string json, DateTimeOffset? at = null) =>
        QCliProxySigner.SignedPost(sentTo, json, at ?? DateTimeOffset.UtcNow, (t, b) => QCliProxySigner.Signature(QCliProxyHost.Secret, method, signedPath, t, b));
}
