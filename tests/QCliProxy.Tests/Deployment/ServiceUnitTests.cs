namespace ChatOps.QCliProxy.Tests.Deployment;

// The systemd unit of the deploy kit, read as the text systemd reads.
public sealed class ServiceUnitTests
{
    private static readonly string[] Lines = File.ReadAllLines(Path.Combine(RepositoryRoot(), "deploy", "qcli-proxy", "qcli-proxy.service"));

    [Fact]
    public void TheStateFolderIsNotAStateDirectorySystemdWouldReown()
    {
        // install.sh gives the folder to the CLI account's group; a StateDirectory= would be chowned to Group=qcli
        // (recursively, at every start), taking the conversation folders away from the CLI.
        Assert.DoesNotContain(Lines, line => line.StartsWith("StateDirectory", StringComparison.Ordinal));
        Assert.Contains("ReadWritePaths=/var/lib/qcli-proxy /var/lib/qcli-agent", Lines);
    }

    [Fact]
    public void InstallMakesTheStateFolderForBothAccounts()
    {
        var install = File.ReadAllText(Path.Combine(RepositoryRoot(), "deploy", "qcli-proxy", "install.sh"));
        Assert.Contains("install -d -m 0710 -o \"$service_user\" -g \"$agent_user\" \"$state_dir\"", install, StringComparison.Ordinal);
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
