using System.Net;
using ChatOps.TestKit.QCli;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ChatOps.QCliProxy.Tests.Running;

public sealed class ProxyDrainTests
{
    [Fact]
    public async Task StoppingProxyLetsTheRunningAnswerFinishAndRefusesNewOnesAsBusy()
    {
        await using var proxy = await QCliProxyHost.StartAsync();
        var release = Path.Combine(proxy.Root, "release");
        using var stream = await proxy.OpenChatAsync("@wait " + release);
        Assert.Equal("waiting\n", (await stream.NextAsync())?.Text);

        var stopping = proxy.StopAsync();
        var health = await HealthWhenDrainingAsync(proxy);
        var refused = await proxy.ChatAsync("another question", "lark:oc_test:om_other");
        await File.WriteAllTextAsync(release, "");
        var rest = await stream.RestAsync();
        await stopping;

        Assert.Contains("\"status\":\"draining\"", health, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.Status);
        Assert.Equal(("error", "busy"), (refused.Terminal.Type, refused.Terminal.Code));
        Assert.Contains("draining", refused.Terminal.Message, StringComparison.Ordinal);
        Assert.Equal("released\n", rest[0].Text);
        Assert.Equal("done", rest[^1].Type);
        Assert.Equal(1, proxy.CliRuns);
    }

    [Fact]
    public async Task ShutdownWaitsAboveTheCliTimeout()
    {
        await using var proxy = await QCliProxyHost.StartAsync(s => s["QCLI_TIMEOUT_SECONDS"] = "600");

        var host = proxy.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<HostOptions>>().Value;

        Assert.Equal(TimeSpan.FromSeconds(630), host.ShutdownTimeout);
    }

    private static async Task<string> HealthWhenDrainingAsync(QCliProxyHost proxy)
    {
        for (var i = 0; ; i++)
        {
            using var response = await proxy.Client.GetAsync("/healthz");
            if (response.StatusCode == HttpStatusCode.ServiceUnavailable || i == 300)
            {
                return await response.Content.ReadAsStringAsync();
            }

            await Task.Delay(50);
        }
    }
}
