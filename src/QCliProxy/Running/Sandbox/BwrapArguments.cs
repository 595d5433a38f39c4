namespace ChatOps.QCliProxy.Running.Sandbox;

// bwrap's options for one run, up to and including "--" and the CLI: a new pid namespace, a fresh /proc, a minimal
// /dev, a private /tmp, the system read-only, the proxy's configuration folder hidden, and of QCLI_STATE_DIR only
// the run's own folders. The network stays shared: the CLI calls AWS (IMDS is closed by the deploy kit's iptables rule).
internal static class BwrapArguments
{
    // Folders installed with the app (the gate commands and the proposal MCP server live in /opt/qcli-proxy).
    public static readonly string[] SystemFolders = ["/usr", "/etc", "/opt/qcli-proxy"];

    // Hidden behind an empty tmpfs: the proxy's environment file and AWS sources.
    public const string ProxyConfigFolder = "/etc/qcli-proxy";

    private static readonly string[] RootEntries = ["/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32"];

    public static List<string> Build(SandboxLayout layout)
    {
        List<string> args = ["--die-with-parent", "--new-session", "--unshare-pid", "--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp"];
        foreach (var folder in SystemFolders.Where(Directory.Exists))
        {
            args.AddRange(["--ro-bind", folder, folder]);
        }

        foreach (var entry in RootEntries)
        {
            if (new DirectoryInfo(entry).LinkTarget is { } target)
            {
                args.AddRange(["--symlink", target, entry]);
            }
            else if (Directory.Exists(entry))
            {
                args.AddRange(["--ro-bind", entry, entry]);
            }
        }

        if (Directory.Exists(ProxyConfigFolder))
        {
            args.AddRange(["--tmpfs", ProxyConfigFolder]);
        }

        foreach (var folder in ExtraSystemFolders(layout.Cli))
        {
            args.AddRange(["--ro-bind", folder, folder]);
        }

        if (layout.SharedHome)
        {
            args.AddRange(["--bind", layout.Home, layout.Home]);
        }

        args.AddRange(["--bind", layout.WorkingDirectory, layout.WorkingDirectory]);
        foreach (var path in layout.Writable)
        {
            args.AddRange(["--bind", path, path]);
        }

        foreach (var path in layout.ReadOnly.Where(Path.Exists))
        {
            args.AddRange(["--ro-bind", path, path]);
        }

        foreach (var folder in layout.SharedHome ? [] : layout.AccountFolders)
        {
            args.AddRange(["--ro-bind", folder, Path.Join(layout.Home, Path.GetFileName(folder))]);
        }

        // Nothing more may be created in the sandbox's own root.
        args.AddRange(["--remount-ro", "/", "--chdir", layout.WorkingDirectory, "--", layout.Cli]);
        return args;
    }

    // The CLI's folder (and its link target's, e.g. a kiro-cli that links into /opt) and the folder holding
    // resolv.conf's target when it is a link outside /etc (systemd-resolved's /run/systemd/resolve).
    private static IEnumerable<string> ExtraSystemFolders(string cli)
    {
        var candidates = new List<string?> { Path.GetDirectoryName(cli) };
        if (File.Exists(cli) && File.ResolveLinkTarget(cli, returnFinalTarget: true) is { } real)
        {
            candidates.Add(Path.GetDirectoryName(real.FullName));
        }

        if (File.ResolveLinkTarget("/etc/resolv.conf", returnFinalTarget: true) is { } resolv)
        {
            candidates.Add(Path.GetDirectoryName(resolv.FullName));
        }

        return candidates.OfType<string>().Distinct(StringComparer.Ordinal)
            .Where(d => Directory.Exists(d) && !SystemFolders.Any(s => d == s || d.StartsWith(s + "/", StringComparison.Ordinal)));
    }
}
