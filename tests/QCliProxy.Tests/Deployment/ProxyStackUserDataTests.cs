using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ChatOps.LarkBotAdapter.Tests.Deployment;

namespace ChatOps.QCliProxy.Tests.Deployment;

/// <summary>The fleet's boot script (the launch template's user data) and the files it takes from the bundle's kit:
/// the secrets drop-in and the CloudWatch agent configuration (issue 22, item 3).</summary>
public sealed partial class ProxyStackUserDataTests
{
    private readonly ProxyStack _stack = ProxyStack.Load();

    [Fact]
    public async Task RenderedUserDataIsValidBash()
    {
        var result = await RunAsync("bash", "-n", "-c", Rendered());

        Assert.True(result.ExitCode == 0, result.Output);
    }

    [ToolFact("shellcheck")]
    public async Task RenderedUserDataPassesShellcheck()
    {
        var script = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(script, Rendered());
            var result = await RunAsync("shellcheck", "-s", "bash", script);
            Assert.True(result.ExitCode == 0, result.Output);
        }
        finally
        {
            File.Delete(script);
        }
    }

    [Fact]
    public void UserDataRunsInstallShFromTheBundleAndMountsTheStateAtQcliStateDir()
    {
        var userData = _stack.UserData().Text;
        var stateDir = File.ReadAllLines(ProxyStack.KitPath("qcli-proxy.env.example")).Single(l => l.StartsWith("QCLI_STATE_DIR=", StringComparison.Ordinal));

        Assert.StartsWith("QCLI_STATE_DIR=/", stateDir, StringComparison.Ordinal);
        Assert.Contains("state_dir=$(sed -n 's/^QCLI_STATE_DIR=//p' /etc/qcli-proxy/qcli-proxy.env)", userData, StringComparison.Ordinal);
        Assert.Contains("dnf install -y amazon-efs-utils amazon-cloudwatch-agent", userData, StringComparison.Ordinal);
        Assert.Contains("mountpoint -q \"$state_dir\"", userData, StringComparison.Ordinal);
        Assert.Contains("printf '[Unit]\\nRequiresMountsFor=%s\\n' \"$state_dir\" > /etc/systemd/system/qcli-proxy.service.d/state-mount.conf", userData, StringComparison.Ordinal);
        Assert.Contains("\"$bundle/kit/install.sh\" \"$bundle/app\" \"${!cli_from[@]}\"", userData, StringComparison.Ordinal);
        Assert.True(userData.IndexOf("mountpoint -q", StringComparison.Ordinal) < userData.IndexOf("/kit/install.sh\" \"$bundle/app\"", StringComparison.Ordinal),
            "install.sh must run after the state is mounted: it sets the state folder's owner and mode");
    }

    [Fact]
    public void EveryKitFileTheUserDataUsesIsInTheKit()
    {
        var used = KitFile().Matches(_stack.UserData().Text).Select(m => m.Groups[1].Value).Distinct().ToList();

        Assert.Contains("fleet/fetch-secrets.sh", used);
        Assert.All(used, file => Assert.True(File.Exists(ProxyStack.KitPath(file)), $"the user data uses kit/{file}, which deploy/qcli-proxy lacks"));
    }

    [Fact]
    public void FleetDropInFetchesTheSecretsAsRootBeforeEachStartIntoTheFileTheServiceReads()
    {
        var dropIn = File.ReadAllLines(ProxyStack.KitPath("fleet", "qcli-proxy-fleet.conf"));
        var userData = _stack.UserData().Text;

        var fetch = Assert.Single(dropIn, l => l.StartsWith("ExecStartPre=", StringComparison.Ordinal)).Split(' ');
        Assert.Equal(["ExecStartPre=+/usr/local/sbin/qcli-fetch-secrets", "/etc/qcli-proxy/secrets.conf"], fetch[..2]);
        Assert.Equal("EnvironmentFile=-" + fetch[2], Assert.Single(dropIn, l => l.StartsWith("EnvironmentFile=", StringComparison.Ordinal)));
        Assert.StartsWith("/run/", fetch[2], StringComparison.Ordinal);
        Assert.Contains("StateDirectory=", dropIn);
        Assert.Contains("install -m 0755 \"$bundle/kit/fleet/fetch-secrets.sh\" /usr/local/sbin/qcli-fetch-secrets", userData, StringComparison.Ordinal);
        Assert.Contains("\"$bundle/kit/fleet/qcli-proxy-fleet.conf\" /etc/systemd/system/qcli-proxy.service.d/", userData, StringComparison.Ordinal);
    }

    [Fact]
    public void CloudWatchAgentShipsTheProxysLogFileAndOpensTheEmfEndpoint()
    {
        var config = JsonNode.Parse(File.ReadAllText(ProxyStack.KitPath("fleet", "cloudwatch-agent.json")))!;
        var dropIn = File.ReadAllLines(ProxyStack.KitPath("fleet", "qcli-proxy-fleet.conf"));
        var userData = _stack.UserData().Text;

        var logFile = Assert.Single(dropIn, l => l.StartsWith("StandardOutput=append:", StringComparison.Ordinal))["StandardOutput=append:".Length..];
        var collected = config["logs"]!["logs_collected"]!["files"]!["collect_list"]!.AsArray();
        var proxyLog = Assert.Single(collected, c => c!["file_path"]!.ToString() == logFile);
        Assert.Equal("@LOG_GROUP@", proxyLog!["log_group_name"]!.ToString());
        Assert.Contains("sed 's|@LOG_GROUP@|${ProxyLogGroup}|'", userData, StringComparison.Ordinal);
        // The EMF listener (tcp and udp 25888 on the host), for the proxy's metrics.
        Assert.NotNull(config["logs"]!["metrics_collected"]!["emf"]);
        Assert.Contains("amazon-cloudwatch-agent-ctl -a fetch-config -m ec2 -s -c file:/opt/aws/amazon-cloudwatch-agent/etc/qcli-proxy.json", userData, StringComparison.Ordinal);
    }

    private string Rendered() => _stack.RenderedUserData(name => name switch
    {
        "ProxyPort" => "8080",
        _ => "standin-" + name.Replace("::", "-", StringComparison.Ordinal).Replace('.', '-'),
    });

    private static async Task<(int ExitCode, string Output)> RunAsync(string command, params string[] args)
    {
        var start = new ProcessStartInfo(command) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        args.ToList().ForEach(start.ArgumentList.Add);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + error);
    }

    [GeneratedRegex("\\$bundle/kit/([A-Za-z0-9_./-]+)")]
    private static partial Regex KitFile();
}
