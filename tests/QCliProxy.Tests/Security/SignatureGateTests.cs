using System.Net;
using ChatOps.QCliProxy.Security;
using ChatOps.TestKit.QCli;

namespace ChatOps.QCliProxy.Tests.Security;

// Both signed routes share one gate: a body over the limit is 413 before its signature is looked at.
public sealed class SignatureGateTests
{
    private static readonly string Oversized = QCliProxyHost.Json(new string('x', RequestBody.MaxBytes));

    [Fact]
    public async Task OversizedChatBodyIs413AndNothingRuns()
    {
        await using var proxy = await QCliProxyHost.StartAsync();

        var reply = await proxy.SendAsync(QCliProxySigner.ChatRequest(QCliProxyHost.Secret, Oversized, DateTimeOffset.UtcNow));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, reply.Status);
        Assert.Empty(reply.Lines);
        Assert.Equal(0, proxy.CliRuns);
    }

    [Fact]
    public async Task OversizedExecuteBodyIs413()
    {
        await using var proxy = await QCliProxyHost.StartAsync();
        const string path = "/v1/proposals/P-0123456789abcdef/execute";

        var reply = await proxy.SendAsync(QCliProxySigner.SignedPost(
            path, Oversized, DateTimeOffset.UtcNow, (timestamp, body) => QCliProxySigner.Signature(QCliProxyHost.Secret, "POST", path, timestamp, body)));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, reply.Status);
        Assert.Empty(reply.Lines);
    }

    [Fact]
    public async Task ABodyJustUnderTheLimitIsRead()
    {
        await using var proxy = await QCliProxyHost.StartAsync();
        var json = QCliProxyHost.Json("hi");
        json = json.Insert(json.Length - 1, ",\"pad\":\"" + new string('x', RequestBody.MaxBytes - json.Length - 10) + "\"");

        var reply = await proxy.SendAsync(QCliProxySigner.ChatRequest(QCliProxyHost.Secret, json, DateTimeOffset.UtcNow));

        Assert.NotEqual(HttpStatusCode.RequestEntityTooLarge, reply.Status);
        Assert.NotEqual(HttpStatusCode.Unauthorized, reply.Status);
    }
}
