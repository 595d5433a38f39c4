using ChatOps.OpsAgent.Aws;
using ChatOps.QCliProxy.Aws;
using ChatOps.QCliProxy.Configuration;
using ChatOps.QCliProxy.Running.Sandbox;
using ChatOps.QCliProxy.Running;
using ChatOps.QCliProxy.Security;

namespace ChatOps.QCliProxy.Tests.Running.Sandbox;

/// <summary>The argv and environment a run is started with: bwrap's options, then "--" and the CLI's own command line.</summary>
public sealed class BubblewrapSandboxTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "qcli-proxy-tests", Guid.NewGuid().ToString("N"));

    public BubblewrapSandboxTests()
    {
        foreach (var folder in new[] { "bin", "home/.kiro/agents", "home/.kube", "state/0123456789abcdef0123456789abcdef", "state/.runs/aws1", "state/.runs/spool1", "runbooks" })
        {
            Directory.CreateDirectory(Path.Join(_root, folder));
        }

        foreach (var cli in new[] { "kiro-cli", "q" })
        {
            File.WriteAllText(Path.Join(_root, "bin", cli), "#!/bin/sh\n");
            File.SetUnixFileMode(Path.Join(_root, "bin", cli), UnixFileMode.UserRead | UnixFileMode.UserExecute);
        }
    }

    private string Conversation => Path.Join(_root, "state", "0123456789abcdef0123456789abcdef");

    [Fact]
    public void KiroRunIsWrappedInBwrapWithOnlyItsOwnFoldersAndAHomeInsideItsFolder()
    {
        var start = Create("kiro-cli", SandboxMode.Bwrap);
        var args = start.ArgumentList.ToList();
        var home = Path.Join(Conversation, ".cli-home");

        Assert.Equal("/usr/bin/bwrap", start.FileName);
        Assert.Equal(["--die-with-parent", "--new-session", "--unshare-pid", "--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp"], args.Take(9));
        Assert.True(HasRun(args, "--ro-bind", "/usr", "/usr"));
        Assert.True(HasRun(args, "--ro-bind", "/etc", "/etc"));
        Assert.True(HasRun(args, "--bind", Conversation, Conversation));
        Assert.True(HasRun(args, "--bind", Path.Join(_root, "state/.runs/spool1"), Path.Join(_root, "state/.runs/spool1")));
        Assert.True(HasRun(args, "--ro-bind", Path.Join(_root, "state/.runs/aws1"), Path.Join(_root, "state/.runs/aws1")));
        Assert.True(HasRun(args, "--ro-bind", Path.Join(_root, "runbooks"), Path.Join(_root, "runbooks")));
        Assert.True(HasRun(args, "--ro-bind", Path.Join(_root, "home/.kiro"), Path.Join(home, ".kiro")));
        Assert.True(HasRun(args, "--ro-bind", Path.Join(_root, "home/.kube"), Path.Join(home, ".kube")));
        Assert.True(HasRun(args, "--ro-bind", Path.Join(_root, "bin"), Path.Join(_root, "bin")));
        Assert.True(HasRun(args, "--remount-ro", "/", "--chdir", Conversation, "--", Path.Join(_root, "bin", "kiro-cli")));
        Assert.Equal(["chat", "--no-interactive", "--agent", "chatops", "the prompt"], args.Skip(args.IndexOf("--") + 2));
        // Neither the state root (other conversations) nor the account's home is shown.
        Assert.DoesNotContain(Path.Join(_root, "state"), args);
        Assert.DoesNotContain(Path.Join(_root, "home"), args);
        Assert.Equal(home, start.Environment["HOME"]);
        Assert.True(Directory.Exists(home));
        Assert.DoesNotContain(start.Environment.Keys, k => k.StartsWith("XDG_", StringComparison.Ordinal));
    }

    [Fact]
    public void QRunKeepsTheAccountsHomeWritable()
    {
        var start = Create("q", SandboxMode.Bwrap);
        var args = start.ArgumentList.ToList();

        Assert.True(HasRun(args, "--bind", Path.Join(_root, "home"), Path.Join(_root, "home")));
        Assert.Equal(Path.Join(_root, "home"), start.Environment["HOME"]);
    }

    [Fact]
    public void WithoutTheSandboxTheCliIsStartedDirectly()
    {
        var start = Create("kiro-cli", SandboxMode.None);

        Assert.Equal(Path.Join(_root, "bin", "kiro-cli"), start.FileName);
        Assert.Equal(["chat", "--no-interactive", "--agent", "chatops", "the prompt"], start.ArgumentList);
        Assert.Equal(Path.Join(_root, "home"), start.Environment["HOME"]);
    }

    private System.Diagnostics.ProcessStartInfo Create(string cli, SandboxMode mode)
    {
        var options = new ProxyOptions
        {
            Command = Path.Join(_root, "bin", cli), Sandbox = mode, BwrapPath = "/usr/bin/bwrap", StateDirectory = Path.Join(_root, "state"),
        };
        var parent = new ParentEnvironment(new Dictionary<string, string>
        {
            ["PATH"] = "/usr/bin:/bin", ["HOME"] = Path.Join(_root, "home"), ["XDG_DATA_HOME"] = Path.Join(_root, "home", ".local", "share"),
        });
        var user = new CliUser(options);
        var commandLine = new CliCommandLine(options, new ChildEnvironment(options, parent), user, new BubblewrapSandbox(options, user));
        var aws = new AwsRunFiles(Path.Join(_root, "state/.runs/aws1"), Path.Join(_root, "state/.runs/aws1/config"), Path.Join(_root, "state/.runs/aws1/credentials"), null);
        var paths = new SandboxPaths([Path.Join(_root, "runbooks")], [Path.Join(_root, "state/.runs/spool1")]);
        return commandLine.Create(new CliInvocation(Conversation, "the prompt", aws, false, null, paths));
    }

    private static bool HasRun(List<string> args, params string[] run) =>
        Enumerable.Range(0, Math.Max(0, args.Count - run.Length + 1)).Any(i => args.Skip(i).Take(run.Length).SequenceEqual(run));

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
