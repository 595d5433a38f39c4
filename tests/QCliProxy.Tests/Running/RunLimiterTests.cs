using System.Net;
using ChatOps.QCliProxy.Configuration;
using ChatOps.QCliProxy.Running;
using ChatOps.QCliProxy.Tests.Hosting;
using ChatOps.TestKit.QCli;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.QCliProxy.Tests.Running;

public sealed class RunLimiterTests
{
    [Fact]
    public async Task RequestBeyondSlotsAndQueueIsRefusedWith429()
    {
        await using var proxy = await QCliProxyHost.StartAsync(s => (s["QCLI_MAX_CONCURRENCY"], s["QCLI_QUEUE_LIMIT"]) = ("1", "0"));
        var release = Path.Combine(proxy.Root, "release");
        using var running = await proxy.OpenChatAsync("@wait " + release, "conversation-a");
        Assert.Equal("waiting\n", (await running.NextAsync())?.Text);

        var refused = await proxy.ChatAsync("hi", "conversation-b");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.Status);
        Assert.Equal("application/x-ndjson", refused.ContentType);
        Assert.Equal(("error", "busy"), (refused.Terminal.Type, refused.Terminal.Code));
        Assert.Equal(1, proxy.CliRuns);
        await File.WriteAllTextAsync(release, "");
        Assert.Equal("done", (await running.RestAsync())[^1].Type);
    }

    [Fact]
    public async Task QueuedRequestRunsWhenASlotFrees()
    {
        await using var proxy = await QCliProxyHost.StartAsync(s => (s["QCLI_MAX_CONCURRENCY"], s["QCLI_QUEUE_LIMIT"]) = ("1", "1"));
        var limiter = proxy.Services.GetRequiredService<RunLimiter>();
        var release = Path.Combine(proxy.Root, "release");
        using var running = await proxy.OpenChatAsync("@wait " + release, "conversation-a");
        await running.NextAsync();

        var queued = proxy.ChatAsync("hi", "conversation-b");
        Assert.True(await ProcessProbe.EventuallyAsync(() => limiter.Waiting == 1));
        var refused = await proxy.ChatAsync("hi", "conversation-c");
        await File.WriteAllTextAsync(release, "");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.Status);
        Assert.Equal("done", (await queued).Terminal.Type);
    }

    [Fact]
    public async Task SameConversationRunsOneAtATime()
    {
        await using var proxy = await QCliProxyHost.StartAsync(s => s["QCLI_MAX_CONCURRENCY"] = "2");
        var limiter = proxy.Services.GetRequiredService<RunLimiter>();
        var release = Path.Combine(proxy.Root, "release");
        using var first = await proxy.OpenChatAsync("@wait " + release, "same-thread");
        await first.NextAsync();

        var second = proxy.ChatAsync("follow-up", "same-thread");
        Assert.True(await ProcessProbe.EventuallyAsync(() => limiter.Waiting == 1));
        Assert.Equal((1, 1), (limiter.Running, proxy.CliRuns));
        await File.WriteAllTextAsync(release, "");

        Assert.Contains("--resume", (await second).Arguments);
    }

    [Fact]
    public async Task WaitLongerThanTheQueueTimeoutIsBusy()
    {
        await using var proxy = await QCliProxyHost.StartAsync(s =>
            (s["QCLI_MAX_CONCURRENCY"], s["QCLI_QUEUE_LIMIT"], s["QCLI_QUEUE_TIMEOUT_SECONDS"]) = ("1", "1", "1"));
        var release = Path.Combine(proxy.Root, "release");
        using var running = await proxy.OpenChatAsync("@wait " + release, "conversation-a");
        await running.NextAsync();

        var refused = await proxy.ChatAsync("hi", "conversation-b");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.Status);
        Assert.Equal("busy", refused.Terminal.Code);
        await File.WriteAllTextAsync(release, "");
    }

    [Fact]
    public void AdmitsUpToSlotsPlusQueueAndFreesPlacesOnDispose()
    {
        var limiter = new RunLimiter(new ProxyOptions { MaxConcurrency = 2, QueueLimit = 1 });

        var admitted = Enumerable.Range(0, 3).Select(_ => limiter.TryAdmit()).ToList();
        var fourth = limiter.TryAdmit();
        admitted[0]!.Dispose();
        var fifth = limiter.TryAdmit();

        Assert.All(admitted, Assert.NotNull);
        Assert.Null(fourth);
        Assert.NotNull(fifth);
    }
}
