using System.Net;
using System.Text;
using ChatOps.TestKit.QCli;

namespace ChatOps.QCliProxy.Tests.Security;

public sealed class RequestAuthenticatorTests
{
    [Fact]
    public async Task WrongSecretIsRejectedAndNothingRuns()
    {
        await using var proxy = await QCliProxyHost.StartAsync();

        var reply = await proxy.SendAsync(QCliProxySigner.ChatRequest("another-secret-00001", QCliProxyHost.Json("hi"), DateTimeOffset.UtcNow));

        AssertRejectedBeforeAnything(proxy, reply);
        Assert.Contains(proxy.Logs.Lines, l => l.Contains("Mismatch", StringComparison.Ordinal));
    }

    // 30 s past the 300 s window: the timestamp is cut to whole seconds and a loaded machine may take seconds to send,
    // which at 301 s brought a future timestamp back inside the window now and then.
    [Theory]
    [InlineData(-330)]
    [InlineData(330)]
    [InlineData(-3600)]
    public async Task StaleOrFutureTimestampIsRejectedAndNothingRuns(int offsetSeconds)
    {
        await using var proxy = await QCliProxyHost.StartAsync();

        var reply = await proxy.SendAsync(QCliProxySigner.ChatRequest(QCliProxyHost.Secret, QCliProxyHost.Json("hi"), DateTimeOffset.UtcNow.AddSeconds(offsetSeconds)));

        AssertRejectedBeforeAnything(proxy, reply);
    }

    [Fact]
    public async Task TimestampInsideTheWindowIsAccepted()
    {
        await using var proxy = await QCliProxyHost.StartAsync();

        var reply = await proxy.SendAsync(QCliProxySigner.ChatRequest(QCliProxyHost.Secret, QCliProxyHost.Json("hi"), DateTimeOffset.UtcNow.AddSeconds(-240)));

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal("done", reply.Terminal.Type);
    }

    [Fact]
    public async Task UnsignedRequestIsRejectedAndNothingRuns()
    {
        await using var proxy = await QCliProxyHost.StartAsync();

        var reply = await proxy.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/v1/chat") { Content = new StringContent(QCliProxyHost.Json("hi")) });

        AssertRejectedBeforeAnything(proxy, reply);
    }

    [Fact]
    public async Task BodyChangedAfterSigningIsRejectedAndNothingRuns()
    {
        await using var proxy = await QCliProxyHost.StartAsync();
        var request = QCliProxySigner.ChatRequest(QCliProxyHost.Secret, QCliProxyHost.Json("what is running?"), DateTimeOffset.UtcNow);
        request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(QCliProxyHost.Json("@hang")));

        var reply = await proxy.SendAsync(request);

        AssertRejectedBeforeAnything(proxy, reply);
    }

    [Fact]
    public async Task DevModeWithoutSecretAcceptsUnsignedLoopbackRequests()
    {
        await using var proxy = await QCliProxyHost.StartAsync(s =>
        {
            s["QCLI_PROXY_SECRET"] = null;
            s["QCLI_DEV_MODE"] = "true";
        });

        var reply = await proxy.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/v1/chat") { Content = new StringContent(QCliProxyHost.Json("hi")) });

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal("done", reply.Terminal.Type);
        Assert.Contains(proxy.Logs.Lines, l => l.Contains("QCLI_DEV_MODE is on", StringComparison.Ordinal));
    }

    private static void AssertRejectedBeforeAnything(QCliProxyHost proxy, ProxyReply reply)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, reply.Status);
        Assert.Empty(reply.Lines);
        Assert.Equal(0, proxy.CliRuns);
        Assert.Empty(Directory.GetFileSystemEntries(proxy.StateDir));
    }
}
