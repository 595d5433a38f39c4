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

    [Theory]
    [InlineData("v2")]
    [InlineData("v1")]
    public async Task AnUpperCaseHexCopyOfAnAcceptedRequestIsARefusedReplay(string version)
    {
        await using var proxy = await QCliProxyHost.StartAsync(s => s["QCLI_ACCEPT_V1_SIGNATURES"] = "true");
        var (first, copy) = (Signed(version, DateTimeOffset.UtcNow), Signed(version, DateTimeOffset.UtcNow));
        var signature = first.Headers.GetValues(QCliProxySigner.SignatureHeader).Single();
        copy.Headers.Remove(QCliProxySigner.SignatureHeader);
        copy.Headers.Add(QCliProxySigner.SignatureHeader, signature[..3] + signature[3..].ToUpperInvariant());

        var accepted = await proxy.SendAsync(first);
        var replayed = await proxy.SendAsync(copy);

        Assert.Equal(HttpStatusCode.OK, accepted.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, replayed.Status);
        Assert.Equal(1, proxy.CliRuns);
        Assert.Contains(proxy.Logs.Lines, l => l.Contains("Replayed request refused", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ARequestAcceptedAsV1AndSentAgainAsV2IsARefusedReplay()
    {
        await using var proxy = await QCliProxyHost.StartAsync(s => s["QCLI_ACCEPT_V1_SIGNATURES"] = "true");
        var now = DateTimeOffset.UtcNow;

        var asV1 = await proxy.SendAsync(Signed("v1", now));
        var asV2 = await proxy.SendAsync(Signed("v2", now));

        Assert.Equal(HttpStatusCode.OK, asV1.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, asV2.Status);
        Assert.Equal(1, proxy.CliRuns);
    }

    [Fact]
    public async Task ARepeatedSignatureHeaderIsRefusedAndNothingRuns()
    {
        await using var proxy = await QCliProxyHost.StartAsync();
        var request = Signed("v2", DateTimeOffset.UtcNow);
        request.Headers.Add(QCliProxySigner.SignatureHeader, request.Headers.GetValues(QCliProxySigner.SignatureHeader).Single());

        var reply = await proxy.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, reply.Status);
        Assert.Equal(0, proxy.CliRuns);
    }

    [Fact]
    public void ARequestIsRefusedAgainUntilTheWindowHasPassedOnBothSides()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var guard = new ReplayGuard(time);

        Assert.True(guard.TryRecord(ReplayGuard.Key(1, "a"u8)));
        time.Advance(QCliProtocol.SignatureWindow);
        Assert.False(guard.TryRecord(ReplayGuard.Key(1, "a"u8)));
        time.Advance(QCliProtocol.SignatureWindow + TimeSpan.FromSeconds(1));
        Assert.True(guard.TryRecord(ReplayGuard.Key(1, "a"u8)));
        Assert.True(guard.TryRecord(ReplayGuard.Key(1, "b"u8)));
        Assert.True(guard.TryRecord(ReplayGuard.Key(2, "a"u8)));
    }

    [Fact]
    public void ExpiredKeysAreSweptSoTheSetStaysBounded()
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

        Assert.True(guard.Count <= 1000 + 256, $"{guard.Count} keys kept");
    }

    private static HttpRequestMessage Signed(string version, DateTimeOffset at) =>
        QCliProxySigner.SignedPost(QCliProxySigner.ChatPath, QCliProxyHost.Json("hi"), at, (timestamp, body) => version == "v1"
            ? QCliProxySigner.SignatureV1(QCliProxyHost.Secret, timestamp, body)
            : QCliProxySigner.Signature(QCliProxyHost.Secret, "POST", QCliProxySigner.ChatPath, timestamp, body));
}
