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

    [Theory]
    [InlineData("q 1.13.3")]
    [InlineData("q 1.14.0")]
    [InlineData("q 0.9.12")]
    public async Task QCliOlderThanTheFirstThatAppliesToolsSettingsIsRefused(string version)
    {
        await using var proxy = await QCliProxyHost.StartAsync();
        await File.WriteAllTextAsync(Path.Combine(proxy.Home, "cli-version"), version + "\n");

        using var response = await proxy.Client.GetAsync("/healthz");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("cli_too_old", json.RootElement.GetProperty("status").GetString());
        var problem = json.RootElement.GetProperty("cli").GetProperty("problem").GetString();
        Assert.StartsWith($"Q CLI {version[2..]} is older than 1.14.1, the first that applies the agent's toolsSettings", problem, StringComparison.Ordinal);
        Assert.EndsWith("upgrade the CLI named by QCLI_COMMAND", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("q 1.14.1")]
    [InlineData("q 1.19.7")]
    [InlineData("q 2.0.0")]
    public async Task QCliFromTheFirstThatAppliesToolsSettingsOnIsOk(string version)
    {
        await using var proxy = await QCliProxyHost.StartAsync();
        await File.WriteAllTextAsync(Path.Combine(proxy.Home, "cli-version"), version + "\n");

        using var response = await proxy.Client.GetAsync("/healthz");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(("ok", version), (json.RootElement.GetProperty("status").GetString(), json.RootElement.GetProperty("cli").GetProperty("version").GetString()));
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("cli").GetProperty("problem").ValueKind);
    }

    [Fact]
    public async Task KiroCliHasNoMinimumVersion()
    {
        await using var proxy = await QCliProxyHost.StartAsync(s => s["QCLI_COMMAND"] = Path.Combine(Path.GetDirectoryName(s["QCLI_COMMAND"])!, "kiro-cli"));
        File.Copy(Path.Combine(proxy.Root, "bin", "q"), Path.Combine(proxy.Root, "bin", "kiro-cli"));
        await File.WriteAllTextAsync(Path.Combine(proxy.Home, "cli-version"), "kiro-cli 1.2.0\n");

        using var response = await proxy.Client.GetAsync("/healthz");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(("kiro-cli", "kiro-cli 1.2.0"), (json.RootElement.GetProperty("cli").GetProperty("flavor").GetString(), json.RootElement.GetProperty("cli").GetProperty("version").GetString()));
    }
}
