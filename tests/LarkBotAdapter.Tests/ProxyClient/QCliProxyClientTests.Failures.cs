using ChatOps.LarkBotAdapter.ProxyClient;
using ChatOps.LarkBotAdapter.Tests.Ops;
using ChatOps.TestKit.QCli;
using Microsoft.Extensions.Time.Testing;

namespace ChatOps.LarkBotAdapter.Tests.ProxyClient;

/// <summary>Refusals, unreachable proxies and broken streams: what is retried (only connecting) and what is reported.</summary>
public sealed partial class QCliProxyClientTests
{
    [Fact]
    public async Task BusyProxyIsReportedAsBusyWithoutRetrying()
    {
        _proxy.Enqueue(FakeQCliReply.Busy());

        var ex = await Assert.ThrowsAsync<QCliProxyException>(() => ReadAllAsync(OpsTesting.Client(_options)));

        Assert.Equal(QCliFailure.Busy, ex.Failure);
        Assert.Equal(429, ex.StatusCode);
        Assert.Single(_proxy.Requests);
    }

    [Fact]
    public async Task WrongSecretIsUnauthorized()
    {
        var options = OpsTesting.Options(OpsTesting.Settings(_proxy.BaseAddress, secret: "some-other-test-secret"));

        var ex = await Assert.ThrowsAsync<QCliProxyException>(() => ReadAllAsync(OpsTesting.Client(options)));

        Assert.Equal(QCliFailure.Unauthorized, ex.Failure);
        Assert.Equal("signature mismatch", Assert.Single(_proxy.Requests).Problem);
    }

    [Fact]
    public async Task ClockMoreThanFiveMinutesOffIsUnauthorized()
    {
        var proxyClock = new FakeTimeProvider();
        await using var proxy = await FakeQCliProxy.StartAsync(time: proxyClock);
        var options = OpsTesting.Options(OpsTesting.Settings(proxy.BaseAddress));
        var skewed = new FakeTimeProvider(proxyClock.GetUtcNow().AddSeconds(301));

        var ex = await Assert.ThrowsAsync<QCliProxyException>(() => ReadAllAsync(OpsTesting.Client(options, time: skewed)));

        Assert.Equal(QCliFailure.Unauthorized, ex.Failure);
        Assert.Equal("timestamp outside the 300 s window", Assert.Single(proxy.Requests).Problem);
    }

    [Fact]
    public async Task RefusalBodyWithAnErrorLineKeepsTheProxysCode()
    {
        _proxy.Enqueue(FakeQCliReply.Refuse(400, """{"type":"error","code":"bad_request","message":"unknown AWS profile 'staging'"}"""));

        var ex = await Assert.ThrowsAsync<QCliProxyException>(() => ReadAllAsync(OpsTesting.Client(_options)));

        Assert.Equal((QCliFailure.HttpStatus, 400, "bad_request"), (ex.Failure, ex.StatusCode, ex.ProxyCode));
        Assert.Equal("unknown AWS profile 'staging'", ex.ProxyMessage);
    }

    [Fact]
    public async Task ServerErrorIsNotRetried()
    {
        _proxy.Enqueue(FakeQCliReply.Refuse(500, "<html>internal error</html>"));

        var ex = await Assert.ThrowsAsync<QCliProxyException>(() => ReadAllAsync(OpsTesting.Client(_options)));

        Assert.Equal((QCliFailure.HttpStatus, 500, null), (ex.Failure, ex.StatusCode, ex.ProxyCode));
        Assert.Single(_proxy.Requests);
    }

    [Theory]
    [InlineData(502)]
    [InlineData(503)]
    public async Task BalancerRefusalIsSentOnceMoreSoAnotherInstanceCanAnswer(int status)
    {
        _proxy.Enqueue(FakeQCliReply.Refuse(status, "<html>bad gateway</html>"));
        _proxy.Enqueue(FakeQCliReply.Chunks("answer\n").Done());

        var lines = await ReadAllAsync(OpsTesting.Client(_options));

        Assert.Equal(2, _proxy.Requests.Count);
        Assert.All(_proxy.Requests, r => Assert.True(r.Accepted, r.Problem));
        Assert.Equal(["answer\n"], lines.Where(l => l.Type == "chunk").Select(l => l.Text));
        Assert.Equal("done", lines[^1].Type);
    }

    [Fact]
    public async Task DrainingRefusalTwiceIsReportedAsBusyAfterOneRetry()
    {
        _proxy.Enqueue(FakeQCliReply.Refuse(503, """{"type":"error","code":"busy","message":"this proxy instance is draining"}"""));
        _proxy.Enqueue(FakeQCliReply.Refuse(503, """{"type":"error","code":"busy","message":"this proxy instance is draining"}"""));
        _proxy.Enqueue(FakeQCliReply.Chunks("never\n").Done());

        var ex = await Assert.ThrowsAsync<QCliProxyException>(() => ReadAllAsync(OpsTesting.Client(_options)));

        Assert.Equal((QCliFailure.HttpStatus, 503, "busy"), (ex.Failure, ex.StatusCode, ex.ProxyCode));
        Assert.Equal(2, _proxy.Requests.Count);
    }

    [Fact]
    public async Task RefusedConnectionIsTriedThreeTimesThenUnreachable()
    {
        var options = OpsTesting.Options(OpsTesting.Settings(OpsTesting.ClosedPort()));
        var counting = new CountingHandler();

        var ex = await Assert.ThrowsAsync<QCliProxyException>(() => ReadAllAsync(OpsTesting.Client(options, counting)));

        Assert.Equal(QCliFailure.Unreachable, ex.Failure);
        Assert.Equal(3, counting.Attempts);
        Assert.IsType<HttpRequestException>(ex.InnerException);
    }

    [Fact]
    public async Task EachAttemptIsSignedAfreshWithItsOwnTimestamp()
    {
        var clock = new FakeTimeProvider();
        await using var proxy = await FakeQCliProxy.StartAsync(time: clock);
        var settings = OpsTesting.Settings(proxy.BaseAddress);
        settings["QCLI_PROXY_RETRY_DELAY_MS"] = "0";
        var counting = new CountingHandler(failFirst: 2, onFailure: () => clock.Advance(TimeSpan.FromSeconds(7)));

        var lines = await ReadAllAsync(OpsTesting.Client(OpsTesting.Options(settings), counting, clock));

        Assert.Equal("done", lines[^1].Type);
        Assert.Equal(3, counting.Signed.Count);
        Assert.Equal(3, counting.Signed.Select(s => s.Timestamp).Distinct().Count());
        Assert.Equal(3, counting.Signed.Select(s => s.Signature).Distinct().Count());
        var received = Assert.Single(proxy.Requests);
        Assert.True(received.Accepted, received.Problem);
        Assert.Equal(counting.Signed[2].Timestamp, received.Header("X-ChatOps-Timestamp"));
    }

    [Fact]
    public async Task StreamDroppedHalfWayIsCutOffAndNotRestarted()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _proxy.Enqueue(FakeQCliReply.Chunks("step 1 done\n", "step 2 done\n").WaitFor(gate.Task).Drop());
        var client = OpsTesting.Client(_options);

        await using var lines = client.ChatAsync(OpsTesting.Chat(), CancellationToken.None).GetAsyncEnumerator();
        Assert.True(await lines.MoveNextAsync().AsTask().WaitAsync(Guard));
        Assert.True(await lines.MoveNextAsync().AsTask().WaitAsync(Guard));
        Assert.Equal("step 2 done\n", lines.Current.Text);
        gate.SetResult();
        var ex = await Assert.ThrowsAsync<QCliProxyException>(async () => await lines.MoveNextAsync());

        Assert.Equal(QCliFailure.CutOff, ex.Failure);
        Assert.Single(_proxy.Requests);
    }

    [Fact]
    public async Task StreamEndingWithoutDoneOrErrorIsCutOff()
    {
        _proxy.Enqueue(FakeQCliReply.Chunks("only this\n").End());

        var ex = await Assert.ThrowsAsync<QCliProxyException>(() => ReadAllAsync(OpsTesting.Client(_options)));

        Assert.Equal(QCliFailure.CutOff, ex.Failure);
    }

    [Theory]
    [InlineData("this is not json")]
    [InlineData("""{"text":"no type"}""")]
    [InlineData("""{"type":"done"}""")]
    public async Task LineOutsideTheProtocolIsAProtocolFailure(string line)
    {
        _proxy.Enqueue(FakeQCliReply.Chunks("ok\n").Raw(line).Done());

        var ex = await Assert.ThrowsAsync<QCliProxyException>(() => ReadAllAsync(OpsTesting.Client(_options)));

        Assert.Equal(QCliFailure.Protocol, ex.Failure);
    }

    [Fact]
    public async Task ProxySilentPastTheHeadersTimeoutIsNoAnswerAndNotRetried()
    {
        var clock = new FakeTimeProvider();
        await using var proxy = await FakeQCliProxy.StartAsync(time: clock);
        proxy.Enqueue(FakeQCliReply.Silent());
        var client = OpsTesting.Client(OpsTesting.Options(OpsTesting.Settings(proxy.BaseAddress)), time: clock);

        var reading = ReadAllAsync(client);
        await proxy.WaitForRequestsAsync(1).WaitAsync(Guard);
        clock.Advance(TimeSpan.FromSeconds(61));
        var ex = await Assert.ThrowsAsync<QCliProxyException>(() => reading.WaitAsync(Guard));

        Assert.Equal(QCliFailure.NoAnswer, ex.Failure);
        Assert.Single(proxy.Requests);
    }
}
