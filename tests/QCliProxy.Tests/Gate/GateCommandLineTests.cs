using System.Diagnostics;

namespace ChatOps.QCliProxy.Tests.Gate;

/// <summary>
/// The built proxy run as `dotnet QCliProxy.dll tool kubectl …`, as the chatops-kubectl wrapper runs it: without the
/// proxy's secret or settings, stdin, stdout and the exit code pass through, and a refusal is one stderr line.
/// </summary>
public sealed class GateCommandLineTests
{
    [Fact]
    public async Task AllowedCommandPassesStdinStdoutAndExitCodeThroughWithoutAnyProxySetting()
    {
        using var kubectl = new FakeTool("kubectl");

        var (exitCode, stdout, stderr) = await RunAsync(kubectl, "from stdin", ("FAKE_READ_STDIN", "1"), ("FAKE_EXIT", "7"));

        Assert.Equal((7, ""), (exitCode, stderr));
        Assert.Equal("fake kubectl ran\nstdin: from stdin\n", stdout);
        Assert.Equal(["logs", "deploy/api", "--tail=5", "-n", "prod"], Assert.IsType<string[]>(kubectl.Recorded));
    }

    [Fact]
    public async Task RefusedCommandExitsWith2AndOneLineOnStderr()
    {
        using var kubectl = new FakeTool("kubectl");

        var (exitCode, stdout, stderr) = await RunAsync(kubectl, "", args: ["get", "pods", "-s=http://127.0.0.1:9"]);

        Assert.Equal((2, ""), (exitCode, stdout));
        Assert.Equal("chatops-kubectl: refused: flag '-s' is not allowed (allowed: -n/--namespace, -A/--all-namespaces, -l/--selector, --field-selector, -o/--output)\n", stderr);
        Assert.Null(kubectl.Recorded);
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(
        FakeTool tool, string stdin, (string Name, string Value)? extra1 = null, (string Name, string Value)? extra2 = null, string[]? args = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "QCliProxy.dll"));
        start.ArgumentList.Add("tool");
        start.ArgumentList.Add(tool.Tool);
        foreach (var arg in args ?? ["logs", "deploy/api", "--tail=5", "-n", "prod"])
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("QCLI_", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment[tool.Variable] = tool.Path;
        foreach (var (name, value) in new[] { extra1, extra2 }.OfType<(string, string)>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        await process.StandardInput.WriteAsync(stdin);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout, await stderr);
    }
}
