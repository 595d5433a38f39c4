using System.Diagnostics;
using ChatOps.QCliProxy.Tests.Gate;
using ChatOps.QCliProxy.Tests.Hosting;

namespace ChatOps.QCliProxy.Tests.Deployment;

/// <summary>
/// The gate block of deploy/qcli-proxy/install.sh, run as written with /usr/local/bin swapped for a temp folder and
/// /opt/qcli-proxy for one holding a QCliProxy that starts the built proxy: it writes chatops-kubectl and chatops-helm
/// (root-owned, 0755) that run the gate; a QCLI_KUBECTL given at install time is kept on a later run without it.
/// </summary>
public sealed class InstallGateWrappersTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("gate-install-").FullName;

    private string Bin => Path.Combine(_root, "bin");

    [RootFact]
    public async Task WrappersRunTheGateAndKeepTheConfiguredKubectl()
    {
        using var kubectl = new FakeTool("kubectl");

        Assert.Equal(0, (await InstallAsync(("QCLI_KUBECTL", kubectl.Path))).ExitCode);
        Assert.Equal(0, (await InstallAsync()).ExitCode);

        foreach (var tool in new[] { "kubectl", "helm" })
        {
            var wrapper = Path.Combine(Bin, "chatops-" + tool);
            Assert.Equal((UnixFileMode)0b111_101_101, File.GetUnixFileMode(wrapper));
            Assert.Equal($"exec {_root}/QCliProxy tool {tool} \"$@\"", File.ReadAllLines(wrapper)[^1]);
        }

        var run = await RunAsync(Path.Combine(Bin, "chatops-kubectl"), [], "get", "pods", "-n", "prod");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["get", "pods", "-n", "prod"], Assert.IsType<string[]>(kubectl.Recorded));
        var refused = await RunAsync(Path.Combine(Bin, "chatops-helm"), [], "get", "values", "checkout");
        Assert.Equal((2, "chatops-helm: refused: the first argument must be one of: list, ls, status\n"), (refused.ExitCode, refused.Stderr));
    }

    [RootFact]
    public async Task RelativeOrOddKubectlPathIsRefusedWithoutWritingAWrapper()
    {
        var result = await InstallAsync(("QCLI_KUBECTL", "kubectl; id"));

        Assert.Equal((1, "install.sh: QCLI_KUBECTL must be an absolute path without spaces or quotes\n"), (result.ExitCode, result.Stderr));
        Assert.False(File.Exists(Path.Combine(Bin, "chatops-kubectl")));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private async Task<(int ExitCode, string Stderr)> InstallAsync(params (string Name, string Value)[] environment)
    {
        Directory.CreateDirectory(Bin);
        var proxy = Path.Combine(_root, "QCliProxy");
        await File.WriteAllTextAsync(proxy, $"#!/bin/sh\nexec dotnet '{Path.Combine(AppContext.BaseDirectory, "QCliProxy.dll")}' \"$@\"\n");
        File.SetUnixFileMode(proxy, (UnixFileMode)0b111_101_101);
        var lines = File.ReadAllLines(Path.Combine(RepositoryRoot(), "deploy", "qcli-proxy", "install.sh"));
        var start = Array.FindIndex(lines, l => l.StartsWith("# The kubectl/helm gate", StringComparison.Ordinal));
        var end = Array.FindIndex(lines, start, l => l == "done");
        var script = string.Join('\n', [
            "set -euo pipefail",
            "fail() { echo \"install.sh: $*\" >&2; exit 1; }",
            $"install_dir='{_root}'",
            .. lines[start..(end + 1)].Select(l => l.Replace("/usr/local/bin/", Bin + "/", StringComparison.Ordinal)),
        ]);
        var result = await RunAsync("bash", environment, "-c", script);
        return (result.ExitCode, result.Stderr);
    }

    private static async Task<(int ExitCode, string Stderr)> RunAsync(string command, (string Name, string Value)[] environment, params string[] args)
    {
        var start = new ProcessStartInfo(command) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        args.ToList().ForEach(start.ArgumentList.Add);
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("QCLI_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stderr);
    }

    private static string RepositoryRoot()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(root.FullName, "ChatOps.sln")))
        {
            root = root.Parent ?? throw new InvalidOperationException("ChatOps.sln not found above the test binaries");
        }

        return root.FullName;
    }
}
