using System.Net;
using ChatOps.Contracts;
using ChatOps.QCliProxy.Security;
using ChatOps.TestKit.QCli;
using Microsoft.Extensions.Time.Testing;

namespace ChatOps.QCliProxy.Tests.Security;

public sealed class ReplayTests
{
    [Fact]
    public async Task ASignedRequestSentTwiceRunsOnceAndTheCopyIs401()
    {
        await using var proxy = await QCliProxyHost.StartAsync();
        var body = QCliProxyHost.Json("hi");
        var now = DateTimeOffset.UtcNow;

        var first = await proxy.SendAsync(QCliProxySigner.ChatRequest(QCliProxyHost.Secret, body, now));
        var copy = await proxy.SendAsync(QCliProxySigner.ChatRequest(QCliProxyHost.Secret, body, now));

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, copy.Status);
        Assert.Equal(1, proxy.CliRuns);
        Assert.Contains(proxy.Logs.Lines, l => l.Contains("Replayed request refused", StringComparison.Ordinal));
    }

    [Fact]
    public void ASignatureIsRefusedAgainUntilTheWindowHasPassedOnBothSides()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var guard = new ReplayGuard(time);

        Assert.True(guard.TryRecord("v1=aa"));
        time.Advance(QCliProtocol.SignatureWindow);
        Assert.False(guard.TryRecord("v1=aa"));
        time.Advance(QCliProtocol.SignatureWindow + TimeSpan.FromSeconds(1));
        Assert.True(guard.TryRecord("v1=aa"));
        Assert.True(guard.TryRecord("v1=bb"));
    }

    [Fact]
    public void ExpiredSignaturesAreSweptSoTheSetStaysBounded()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var guard = new ReplayGuard(time);
        for (var i = 0; i < 1000; i++)
        {
            guard.TryRecord("old" + i);
        }

        time.Advance(3 * QCliProtocol.SignatureWindow);
        for (var i = 0; i < 1000; i++)
        {
            guard.TryRecord("new" + i);
        }

        Assert.True(guard.Count <= 1000 + 256, $"{guard.Count} signatures kept");
    }
}
