using System.Net;
using ChatOps.QCliProxy.Running;
using ChatOps.QCliProxy.Tests.Hosting;
using ChatOps.TestKit.QCli;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.QCliProxy.Tests.Running;

public sealed class CliRunnerTests
{
    [Fact]
    public async Task HangingCliTimesOutAndItsWholeProcessTreeIsGone()
    {
        await using var proxy = await QCliProxyHost.StartAsync(s => s["QCLI_TIMEOUT_SECONDS"] = "1");
        using var stream = await proxy.OpenChatAsync("@hang");
        var pids = Pids(await stream.NextAsync());
        Assert.All(pids, pid => Assert.True(ProcessProbe.IsAlive(pid), $"pid {pid} should be running before the timeout"));

        var rest = await stream.RestAsync();

        var error = Assert.Single(rest);
        Assert.Equal(("error", "timeout"), (error.Type, error.Code));
        Assert.Contains("QCLI_TIMEOUT_SECONDS", error.Message, StringComparison.Ordinal);
        Assert.True(await ProcessProbe.EventuallyAsync(() => !pids.Any(ProcessProbe.IsAlive)), "the CLI and its child sleep must be killed");
    }

    [Fact]
    public async Task ClientDisconnectKillsTheCli()
    {
        await using var proxy = await QCliProxyHost.StartAsync();
        var limiter = proxy.Services.GetRequiredService<RunLimiter>();
        var stream = await proxy.OpenChatAsync("@hang");
        var pids = Pids(await stream.NextAsync());
        Assert.All(pids, pid => Assert.True(ProcessProbe.IsAlive(pid)));
        Assert.Equal(1, limiter.Running);

        stream.Dispose();

        Assert.True(await ProcessProbe.EventuallyAsync(() => !pids.Any(ProcessProbe.IsAlive)), "the CLI and its child must be killed");
        Assert.True(await ProcessProbe.EventuallyAsync(() => limiter.Running == 0), "the slot must be released");
        Assert.Contains(proxy.Logs.Lines, l => l.Contains("Client left", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ShutdownPastItsDeadlineStopsRunningClisAndSaysSo()
    {
        await using var proxy = await QCliProxyHost.StartAsync();
        using var stream = await proxy.OpenChatAsync("@hang");
        var pids = Pids(await stream.NextAsync());
        using var deadline = new CancellationTokenSource();

        var stopping = proxy.StopAsync(deadline.Token);
        await deadline.CancelAsync();
        var rest = await stream.RestAsync();
        await stopping;

        Assert.Equal(("error", "failed"), (rest[^1].Type, rest[^1].Code));
        Assert.Contains("shutting down", rest[^1].Message, StringComparison.Ordinal);
        Assert.True(await ProcessProbe.EventuallyAsync(() => !pids.Any(ProcessProbe.IsAlive)));
    }

    [Fact]
    public async Task OutputBeyondTheCapIsCutWithAFailedError()
    {
        await using var proxy = await QCliProxyHost.StartAsync(s => s["QCLI_MAX_OUTPUT_BYTES"] = "10000");

        var reply = await proxy.ChatAsync("@flood");

        Assert.Equal(("error", "failed"), (reply.Terminal.Type, reply.Terminal.Code));
        Assert.Contains("truncated", reply.Terminal.Message, StringComparison.Ordinal);
        Assert.Contains("QCLI_MAX_OUTPUT_BYTES", reply.Terminal.Message, StringComparison.Ordinal);
        Assert.InRange(reply.Text.Length, 9000, 10_000);
        Assert.StartsWith("flood flood", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingCliIsAFailedError()
    {
        await using var proxy = await QCliProxyHost.StartAsync(s => s["QCLI_COMMAND"] = "/nonexistent/q");

        var reply = await proxy.ChatAsync("hi");

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal(("error", "failed"), (reply.Terminal.Type, reply.Terminal.Code));
        Assert.Contains("could not be started", reply.Terminal.Message, StringComparison.Ordinal);
    }

    private static int[] Pids(StreamLine? line)
    {
        Assert.NotNull(line);
        Assert.StartsWith("PIDS=", line.Text, StringComparison.Ordinal);
        return line.Text!.Trim()[5..].Split(' ').Select(int.Parse).ToArray();
    }
}
