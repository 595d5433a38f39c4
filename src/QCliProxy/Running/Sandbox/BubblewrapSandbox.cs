using System.Diagnostics;
using ChatOps.QCliProxy.Configuration;
using ChatOps.QCliProxy.Hosting;
using ChatOps.QCliProxy.Security;

namespace ChatOps.QCliProxy.Running.Sandbox;

// With QCLI_SANDBOX=bwrap, turns `<cli> <args…>` into `bwrap <options> -- <cli> <args…>`. Kiro CLI (KIRO_API_KEY, no
// login in its home) gets HOME inside its conversation's folder, so its own conversation store is per conversation, and
// sees the account's agent folder read-only there. Q CLI keeps the account's home: its login shares a database with
// every thread's history, so that mode does not isolate history (/healthz says so).
internal sealed class BubblewrapSandbox(ProxyOptions options, CliUser user)
{
    // The run's own HOME inside its conversation's folder.
    public const string HomeFolder = ".cli-home";

    // Shown read-only in the run's own HOME: the root-owned agents, the kubeconfig the kubectl/helm gate uses.
    public static readonly string[] AccountFolders = [".kiro", ".kube"];

    public bool Enabled => options.Sandbox == SandboxMode.Bwrap;

    // Whether runs keep the account's home, where every conversation's history lives.
    public bool SharesHistory => !Enabled || options.Flavor == CliFlavor.QDeveloper;

    public void Wrap(ProcessStartInfo start, CliInvocation run)
    {
        if (!Enabled)
        {
            return;
        }

        var accountHome = start.Environment.TryGetValue("HOME", out var home) && !string.IsNullOrEmpty(home) ? home : null;
        var layout = Layout(run, start.Environment.TryGetValue("PATH", out var path) ? path : null, accountHome);
        if (!layout.SharedHome)
        {
            PrepareHome(layout.Home);
            foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("XDG_", StringComparison.Ordinal)).ToList())
            {
                start.Environment.Remove(name);
            }
        }

        start.Environment["HOME"] = layout.Home;
        start.Environment["TMPDIR"] = "/tmp";
        var arguments = BwrapArguments.Build(layout);
        arguments.AddRange(start.ArgumentList);
        start.FileName = options.BwrapPath ?? "bwrap";
        start.ArgumentList.Clear();
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
    }

    private SandboxLayout Layout(CliInvocation run, string? searchPath, string? accountHome)
    {
        // Outside the sandbox, so a missing CLI is the same start failure as without it (not bwrap's exit code 1).
        var cli = Executables.Find(options.Command, searchPath)
            ?? throw new InvalidOperationException($"'{options.Command}' is not an executable file (QCLI_COMMAND, searched on the CLI's PATH)");
        var paths = run.Paths ?? SandboxPaths.None;
        var readOnly = run.Aws is { } aws ? paths.ReadOnly.Append(aws.Folder).ToList() : paths.ReadOnly;
        var shared = options.Flavor == CliFlavor.QDeveloper && accountHome is not null && Directory.Exists(accountHome);
        var accountFolders = accountHome is null ? [] : AccountFolders.Select(f => Path.Join(accountHome, f)).Where(Directory.Exists).ToList();
        return new SandboxLayout(
            cli,
            run.WorkingDirectory,
            shared ? accountHome! : Path.Join(run.WorkingDirectory, HomeFolder),
            shared,
            accountFolders,
            readOnly,
            paths.Writable);
    }

    // A folder of its own; a link left in its place by an earlier run is removed, not followed.
    private void PrepareHome(string home)
    {
        if (new DirectoryInfo(home).LinkTarget is not null)
        {
            File.Delete(home);
        }

        if (!Directory.Exists(home))
        {
            Directory.CreateDirectory(home);
            user.PrepareWritable(home);
        }
    }
}
