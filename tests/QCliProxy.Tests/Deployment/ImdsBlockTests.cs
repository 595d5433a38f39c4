using System.Diagnostics;
using ChatOps.QCliProxy.Tests.Hosting;

namespace ChatOps.QCliProxy.Tests.Deployment;

/// <summary>
/// deploy/qcli-proxy/imds-block.sh, which install.sh installs and runs at boot: the exact iptables rules it adds, read
/// from a fake iptables that records its argv, and the rules the real iptables holds in a network namespace the test
/// makes itself. No traffic is sent anywhere.
/// </summary>
public sealed class ImdsBlockTests : IDisposable
{
    private const string FakeTables = """
        #!/usr/bin/env bash
        # Records its argv; -C succeeds when the same rule was inserted before (its own state file per command).
        name=$(basename "$0")
        echo "$name $*" >> "$FAKE_LOG"
        case "$2" in
          -C) grep -qxF -- "${*:4}" "$FAKE_LOG.$name" 2>/dev/null ;;
          -I) [ "$name" != "${FAKE_FAIL:-}" ] && echo "${*:5}" >> "$FAKE_LOG.$name" ;;
          *) exit 0 ;;
        esac
        """;

    private readonly string _root = Path.Combine(Path.GetTempPath(), "qcli-proxy-tests", Guid.NewGuid().ToString("N"));

    public ImdsBlockTests()
    {
        Directory.CreateDirectory(Path.Join(_root, "bin"));
        foreach (var name in new[] { "iptables", "ip6tables" })
        {
            File.WriteAllText(Path.Join(_root, "bin", name), FakeTables.Replace("\r", "", StringComparison.Ordinal));
            File.SetUnixFileMode(Path.Join(_root, "bin", name), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    private string Log => Path.Join(_root, "argv.log");

    [Fact]
    public void ApplyInsertsOneRejectRulePerAddressFamilyOnceAndOnlyForTheCliAccount()
    {
        var (exitCode, _) = Run("imds_block qcli-agent && imds_block qcli-agent");

        Assert.Equal(0, exitCode);
        Assert.Equal(
            [
                "iptables -w -C OUTPUT -d 169.254.169.254/32 -m owner --uid-owner qcli-agent -j REJECT",
                "iptables -w -I OUTPUT 1 -d 169.254.169.254/32 -m owner --uid-owner qcli-agent -j REJECT",
                "ip6tables -w -C OUTPUT -d fd00:ec2::254/128 -m owner --uid-owner qcli-agent -j REJECT",
                "ip6tables -w -I OUTPUT 1 -d fd00:ec2::254/128 -m owner --uid-owner qcli-agent -j REJECT",
                // The second run finds both rules and adds nothing.
                "iptables -w -C OUTPUT -d 169.254.169.254/32 -m owner --uid-owner qcli-agent -j REJECT",
                "ip6tables -w -C OUTPUT -d fd00:ec2::254/128 -m owner --uid-owner qcli-agent -j REJECT",
            ],
            File.ReadAllLines(Log));
    }

    [Fact]
    public void ApplyFailsWhenTheIpv4RuleCannotBeAddedAndShowFailsWithoutIt()
    {
        var (applied, _) = Run("imds_block qcli-agent", fail: "iptables");
        var (shown, _) = Run("imds_show qcli-agent", fail: "iptables");

        Assert.NotEqual(0, applied);
        Assert.NotEqual(0, shown);
    }

    [NetworkNamespaceFact]
    public void RealIptablesInAPrivateNetworkNamespaceHoldsExactlyTheRules()
    {
        var (exitCode, output) = Run("imds_block nobody && imds_block nobody && iptables -S OUTPUT && ip6tables -S OUTPUT", realTables: true);

        Assert.Equal(0, exitCode);
        Assert.Equal(
            [
                "-P OUTPUT ACCEPT",
                "-A OUTPUT -d 169.254.169.254/32 -m owner --uid-owner 65534 -j REJECT --reject-with icmp-port-unreachable",
                "-P OUTPUT ACCEPT",
                "-A OUTPUT -d fd00:ec2::254/128 -m owner --uid-owner 65534 -j REJECT --reject-with icmp6-port-unreachable",
            ],
            output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    private (int ExitCode, string Output) Run(string commands, string? fail = null, bool realTables = false)
    {
        var script = $"source '{Script()}' && {commands}";
        var start = new ProcessStartInfo(realTables ? "unshare" : "bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in (realTables ? new[] { "-n", "bash", "-c", script } : ["-c", script]))
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["PATH"] = realTables ? "/usr/sbin:/usr/bin:/sbin:/bin" : Path.Join(_root, "bin") + ":/usr/bin:/bin";
        start.Environment["FAKE_LOG"] = Log;
        start.Environment["FAKE_FAIL"] = fail ?? "";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output);
    }

    private static string Script()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(root.FullName, "ChatOps.sln")))
        {
            root = root.Parent ?? throw new InvalidOperationException("ChatOps.sln not found above the test binaries");
        }

        return Path.Combine(root.FullName, "deploy", "qcli-proxy", "imds-block.sh");
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
