using ChatOps.TestKit.Metrics;
using ChatOps.TestKit.QCli;

namespace ChatOps.QCliProxy.Tests.Telemetry;

// The proxy's metrics on the wire: EMF lines at the CloudWatch agent endpoint named by AWS_EMF_AGENT_ENDPOINT.
public sealed class EmfAgentExporterTests
{
    [Fact]
    public async Task ARunIsSentToTheAgentOverTcp()
    {
        await using var agent = FakeEmfAgent.Tcp();
        await using var proxy = await QCliProxyHost.StartAsync(s => s["AWS_EMF_AGENT_ENDPOINT"] = agent.Endpoint);

        var reply = await proxy.ChatAsync("hello");

        Assert.Equal("done", reply.Terminal.Type);
        var run = EmfDocument.Parse(await agent.WaitForAsync(l => l.Contains("\"ProxyRuns\"", StringComparison.Ordinal)));
        Assert.Equal("ChatOps", run.Namespace);
        Assert.Equal("ok", run.Text("Outcome"));
        var metric = Assert.Single(run.Metrics);
        Assert.Equal(("ProxyRuns", "Count", 1.0), (metric.Name, metric.Unit, metric.Value));
        Assert.Contains(metric.DimensionSets, set => set.SequenceEqual(["Outcome"]));
        foreach (var name in new[] { "ProxyCliDuration", "ProxyOutputBytes", "ProxyWaitTime", "ProxyRunsRunning", "ProxyRunsWaiting" })
        {
            EmfDocument.Parse(await agent.WaitForAsync(l => l.Contains($"\"{name}\"", StringComparison.Ordinal)));
        }
        var bytes = EmfDocument.Parse(await agent.WaitForAsync(l => l.Contains("\"ProxyOutputBytes\"", StringComparison.Ordinal)));
        Assert.True(bytes.Metrics[0].Value > 0);
        Assert.All(agent.Lines, line => EmfDocument.Parse(line));
    }

    [Fact]
    public async Task TheNamespaceAndLogGroupComeFromTheSettingsAndUdpWorks()
    {
        await using var agent = FakeEmfAgent.Udp();
        await using var proxy = await QCliProxyHost.StartAsync(s =>
        {
            s["AWS_EMF_AGENT_ENDPOINT"] = agent.Endpoint;
            s["CHATOPS_METRICS_NAMESPACE"] = "ChatOps/Staging";
            s["AWS_EMF_LOG_GROUP_NAME"] = "/chatops/proxy-stack/metrics";
        });

        await proxy.ChatAsync("hello");

        var run = EmfDocument.Parse(await agent.WaitForAsync(l => l.Contains("\"ProxyRuns\"", StringComparison.Ordinal)));
        Assert.Equal("ChatOps/Staging", run.Namespace);
        Assert.Equal("/chatops/proxy-stack/metrics", run.Root.GetProperty("_aws").GetProperty("LogGroupName").GetString());
    }

    [Fact]
    public async Task ARefusalForAFullQueueIsCountedAsBusy()
    {
        await using var agent = FakeEmfAgent.Tcp();
        await using var proxy = await QCliProxyHost.StartAsync(s =>
        {
            s["AWS_EMF_AGENT_ENDPOINT"] = agent.Endpoint;
            s["QCLI_MAX_CONCURRENCY"] = "1";
            s["QCLI_QUEUE_LIMIT"] = "0";
        });
        var release = Path.Combine(proxy.Root, "release");
        using var first = await proxy.OpenChatAsync("@wait " + release, "lark:oc_test:om_first");
        await first.NextAsync();

        var second = await proxy.ChatAsync("hello", "lark:oc_test:om_second");
        await File.WriteAllTextAsync(release, "");
        await first.RestAsync();

        Assert.Equal("busy", second.Terminal.Code);
        var busy = EmfDocument.Parse(await agent.WaitForAsync(l => l.Contains("\"Outcome\":\"busy\"", StringComparison.Ordinal)));
        Assert.Equal(("ProxyRuns", 1.0), (busy.Metrics[0].Name, busy.Metrics[0].Value));
    }

    [Fact]
    public async Task ADeadAgentDoesNotFailARunAndIsLoggedOnce()
    {
        await using var proxy = await QCliProxyHost.StartAsync(s => s["AWS_EMF_AGENT_ENDPOINT"] = FakeEmfAgent.DeadEndpoint());

        var first = await proxy.ChatAsync("hello");
        var second = await proxy.ChatAsync("hello again");

        Assert.Equal(("done", "done"), (first.Terminal.Type, second.Terminal.Type));
        await WaitUntilAsync(() => proxy.Logs.Lines.Any(l => l.Contains("cannot be reached", StringComparison.Ordinal)));
        Assert.Single(proxy.Logs.Lines, l => l.Contains("cannot be reached", StringComparison.Ordinal));
    }

    [Fact]
    public async Task MetricsOffSendsNothing()
    {
        await using var agent = FakeEmfAgent.Tcp();
        await using (var proxy = await QCliProxyHost.StartAsync(s =>
        {
            s["AWS_EMF_AGENT_ENDPOINT"] = agent.Endpoint;
            s["CHATOPS_METRICS"] = "off";
        }))
        {
            Assert.Equal("done", (await proxy.ChatAsync("hello")).Terminal.Type);
        }

        Assert.Empty(agent.Lines);
    }

    [Theory]
    [InlineData("http://127.0.0.1:25888")]
    [InlineData("tcp://127.0.0.1")]
    [InlineData("127.0.0.1:25888")]
    public async Task ABadEndpointIsAStartUpErrorNamingTheVariable(string endpoint)
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => QCliProxyHost.StartAsync(s => s["AWS_EMF_AGENT_ENDPOINT"] = endpoint));

        Assert.Contains("AWS_EMF_AGENT_ENDPOINT", error.Message, StringComparison.Ordinal);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!condition())
        {
            await Task.Delay(20, timeout.Token);
        }
    }
}
