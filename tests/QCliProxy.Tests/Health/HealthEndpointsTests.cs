using System.Net;
using System.Text.Json;
using ChatOps.TestKit.QCli;

namespace ChatOps.QCliProxy.Tests.Health;

public sealed class HealthEndpointsTests
{
    [Fact]
    public async Task HealthReportsTheCliPathAndVersion()
    {
        await using var proxy = await QCliProxyHost.StartAsync();

        using var response = await proxy.Client.GetAsync("/healthz");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(body);
        var cli = json.RootElement.GetProperty("cli");
        Assert.Equal("ok", json.RootElement.GetProperty("status").GetString());
        Assert.True(cli.GetProperty("found").GetBoolean());
        Assert.Equal(Path.Combine(proxy.Root, "bin", "q"), cli.GetProperty("path").GetString());
        Assert.Equal("q 9.9.9-fake", cli.GetProperty("version").GetString());
        Assert.Equal(("q", "chatops", Environment.UserName), (cli.GetProperty("flavor").GetString(), cli.GetProperty("agent").GetString(), cli.GetProperty("runsAs").GetString()));
        Assert.DoesNotContain(QCliProxyHost.Secret, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CommandFoundOnPathIsReported()
    {
        await using var proxy = await QCliProxyHost.StartAsync(s => s["QCLI_COMMAND"] = "sh");

        using var response = await proxy.Client.GetAsync("/healthz");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.EndsWith("/sh", json.RootElement.GetProperty("cli").GetProperty("path").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingCliIsReportedAsUnavailable()
    {
        await using var proxy = await QCliProxyHost.StartAsync(s => s["QCLI_COMMAND"] = "no-such-cli-for-tests");

        using var response = await proxy.Client.GetAsync("/healthz");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("cli_missing", json.RootElement.GetProperty("status").GetString());
        Assert.False(json.RootElement.GetProperty("cli").GetProperty("found").GetBoolean());
    }

    [Theory]
    [InlineData(null, "q", "none", "no sandbox")]
    [InlineData("bwrap", "q", "bwrap", "Q CLI keeps the account's home")]
    [InlineData("bwrap", "kiro-cli", "bwrap", null)]
    public async Task HealthReportsTheSandboxAndWhetherHistoryIsIsolated(string? sandbox, string cli, string reported, string? note)
    {
        await using var proxy = await QCliProxyHost.StartAsync(s =>
        {
            s["QCLI_SANDBOX"] = sandbox;
            s["QCLI_COMMAND"] = Path.Join(Path.GetDirectoryName(s["QCLI_COMMAND"]), cli);
            File.Copy(FakeCli.Path, s["QCLI_COMMAND"]!, overwrite: true);
        });

        using var response = await proxy.Client.GetAsync("/healthz");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(reported, json.RootElement.GetProperty("sandbox").GetString());
        var seen = json.RootElement.GetProperty("sandboxNote").GetString();
        if (note is null)
        {
            Assert.Null(seen);
        }
        else
        {
            Assert.StartsWith(note, seen, StringComparison.Ordinal);
            Assert.Contains("history", seen, StringComparison.Ordinal);
        }
    }
}
