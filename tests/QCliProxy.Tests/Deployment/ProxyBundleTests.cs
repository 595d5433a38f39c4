using System.Diagnostics;
using System.Formats.Tar;
using System.IO.Compression;
using ChatOps.LarkBotAdapter.Tests.Deployment;

namespace ChatOps.QCliProxy.Tests.Deployment;

/// <summary>
/// scripts/publish-proxy.sh, the packaging half (no S3): given a published app folder (--published, in place of
/// `dotnet publish`) and a CLI folder, it writes qcli-proxy-VERSION.tar.gz whose layout the fleet's user data expects.
/// </summary>
public sealed class ProxyBundleTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("proxy-bundle-").FullName;

    private string Out => Path.Combine(_root, "out");

    [Fact]
    public async Task BundleHoldsTheAppTheKitAndTheCliAsTheUserDataExpects()
    {
        var result = await PublishAsync("--version", "1.2.3-test", "--published", App(), "--cli-from", Cli("kiro-cli", "kiro-cli-chat"));

        Assert.True(result.ExitCode == 0, result.Output);
        var tarball = Path.Combine(Out, "qcli-proxy-1.2.3-test.tar.gz");
        Assert.Contains($"publish-proxy.sh: {tarball}", result.Output, StringComparison.Ordinal);
        var entries = Read(tarball);
        string[] executables = ["app/QCliProxy", "kit/install.sh", "kit/imds-block.sh", "kit/fleet/fetch-secrets.sh", "cli/kiro-cli", "cli/kiro-cli-chat"];
        string[] files =
        [
            "kit/agents/kiro-cli/chatops.json", "kit/agents/q/chatops.json", "kit/agents/kiro-cli/chatops-approvals.json",
            "kit/runbooks/README.md", "kit/qcli-proxy.service", "kit/qcli-imds-block.service", "kit/qcli-proxy.env.example",
            "kit/README.md", "kit/fleet/qcli-proxy-fleet.conf", "kit/fleet/cloudwatch-agent.json", "kit/fleet/qcli-proxy.logrotate",
        ];
        Assert.All(executables.Concat(files), name => Assert.True(entries.ContainsKey(name), $"{name} is not in the bundle"));
        Assert.All(executables, name => Assert.True(entries[name].Mode.HasFlag(UnixFileMode.UserExecute), $"{name} is not executable"));
        Assert.All(entries.Values, e => Assert.Equal((0, 0), (e.Uid, e.Gid)));
        Assert.DoesNotContain("kit/template.yaml", entries.Keys);
        Assert.DoesNotContain("kit/samconfig.toml", entries.Keys);
        Assert.StartsWith("version=1.2.3-test\ncommit=", entries["BUNDLE"].Text, StringComparison.Ordinal);
        // Every kit file the boot script names is in the bundle.
        var userData = ProxyStack.Load().UserData().Text;
        Assert.All(entries.Keys.Where(k => k.StartsWith("kit/fleet/", StringComparison.Ordinal)),
            k => Assert.Contains("$bundle/" + k, userData, StringComparison.Ordinal));
    }

    [Fact]
    public async Task WithoutACliTheBundleHasNoCliFolder()
    {
        var result = await PublishAsync("--version", "no-cli", "--published", App());

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.DoesNotContain(Read(Path.Combine(Out, "qcli-proxy-no-cli.tar.gz")).Keys, k => k.StartsWith("cli/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task BadInputIsRefusedWithoutWritingABundle()
    {
        var version = await PublishAsync("--version", "1.0;rm", "--published", App());
        var cli = await PublishAsync("--version", "1", "--published", App(), "--cli-from", Cli());
        var noApp = await PublishAsync("--version", "1", "--published", Directory.CreateDirectory(Path.Combine(_root, "empty")).FullName);

        Assert.Equal((1, "publish-proxy.sh: --version may hold letters, digits, '.', '_' and '-' only\n"), (version.ExitCode, version.Output));
        Assert.Equal(1, cli.ExitCode);
        Assert.EndsWith("holds neither kiro-cli nor q\n", cli.Output, StringComparison.Ordinal);
        Assert.Equal((1, "publish-proxy.sh: the published app has no executable QCliProxy\n"), (noApp.ExitCode, noApp.Output));
        Assert.False(Directory.Exists(Out) && Directory.EnumerateFiles(Out).Any());
    }

    [ToolFact("make")]
    public async Task PublishTargetWithoutABucketSaysWhatToSet()
    {
        var result = await RunAsync("make", ProxyStack.RepositoryRoot, "-s", "publish-proxy", "BUCKET=");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("make publish-proxy: set BUCKET=<S3 bucket for the bundle>", result.Output, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string App()
    {
        var app = Directory.CreateDirectory(Path.Combine(_root, "publish")).FullName;
        File.WriteAllText(Path.Combine(app, "QCliProxy"), "#!/bin/sh\n");
        File.SetUnixFileMode(Path.Combine(app, "QCliProxy"), (UnixFileMode)0b111_101_101);
        File.WriteAllText(Path.Combine(app, "QCliProxy.dll"), "");
        return app;
    }

    private string Cli(params string[] names)
    {
        var cli = Directory.CreateDirectory(Path.Combine(_root, "cli-" + names.Length)).FullName;
        foreach (var name in names.Append("unrelated-tool"))
        {
            File.WriteAllText(Path.Combine(cli, name), "#!/bin/sh\n");
            File.SetUnixFileMode(Path.Combine(cli, name), (UnixFileMode)0b111_101_101);
        }
        return cli;
    }

    private static Dictionary<string, (UnixFileMode Mode, int Uid, int Gid, string Text)> Read(string tarball)
    {
        using var gzip = new GZipStream(File.OpenRead(tarball), CompressionMode.Decompress);
        using var reader = new TarReader(gzip);
        var entries = new Dictionary<string, (UnixFileMode, int, int, string)>(StringComparer.Ordinal);
        while (reader.GetNextEntry() is { } entry)
        {
            var text = entry.DataStream is { } data ? new StreamReader(data).ReadToEnd() : "";
            entries[entry.Name.TrimEnd('/')] = (entry.Mode, entry.Uid, entry.Gid, text);
        }
        return entries;
    }

    private Task<(int ExitCode, string Output)> PublishAsync(params string[] args) =>
        RunAsync(Path.Combine(ProxyStack.RepositoryRoot, "scripts", "publish-proxy.sh"), _root, ["--out", Out, .. args]);

    private static async Task<(int ExitCode, string Output)> RunAsync(string command, string folder, params string[] args)
    {
        var start = new ProcessStartInfo(command) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false, WorkingDirectory = folder };
        args.ToList().ForEach(start.ArgumentList.Add);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + stderr);
    }
}
