using ChatOps.QCliProxy.Configuration;
using ChatOps.QCliProxy.Running;
using ChatOps.QCliProxy.Tests.Hosting;
using ChatOps.TestKit.QCli;

namespace ChatOps.QCliProxy.Tests.Running;

/// <summary>With <c>QCLI_RUN_AS</c> the CLI is another account: the proxy's files, environment and other folders are closed to it.</summary>
public sealed class RunAsTests
{
    [RootFact]
    public async Task CliRunsAsItsOwnUserAndCannotReadTheProxysSecretEnvironmentOrFolders()
    {
        var nobody = UnixAccount.Find("nobody")!;
        await using var proxy = await QCliProxyHost.StartAsync(s => s["QCLI_RUN_AS"] = "nobody");
        var secretFile = Path.Combine(proxy.Root, "qcli-proxy.env");
        await File.WriteAllTextAsync(secretFile, "QCLI_PROXY_SECRET=" + QCliProxyHost.Secret);
        File.SetUnixFileMode(secretFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        var reply = await proxy.ChatAsync("@probe " + secretFile);

        Assert.Equal("done", reply.Terminal.Type);
        Assert.Equal(nobody.UserId.ToString(System.Globalization.CultureInfo.InvariantCulture), reply.Seen("UID"));
        Assert.Equal("denied", reply.Seen("READ_FILE"));
        Assert.Equal("denied", reply.Seen("READ_ENVIRON"));
        Assert.Equal("denied", reply.Seen("LIST_ROOT"));
    }

    [RootFact]
    public async Task TheSameProbeAsTheProxysOwnUserCanReadAllOfIt()
    {
        // The control for the test above: without QCLI_RUN_AS each of those reads succeeds.
        await using var proxy = await QCliProxyHost.StartAsync();
        var secretFile = Path.Combine(proxy.Root, "qcli-proxy.env");
        await File.WriteAllTextAsync(secretFile, "QCLI_PROXY_SECRET=" + QCliProxyHost.Secret);

        var reply = await proxy.ChatAsync("@probe " + secretFile);

        Assert.Equal(("ok", "ok", "ok"), (reply.Seen("READ_FILE"), reply.Seen("READ_ENVIRON"), reply.Seen("LIST_ROOT")));
    }

    [Fact]
    public void AccountsAreReadFromThePasswdFile()
    {
        var file = Path.GetTempFileName();
        File.WriteAllLines(file, ["root:x:0:0:root:/root:/bin/bash", "qcli-agent:x:998:997::/var/lib/qcli-agent:/usr/sbin/nologin"]);

        var account = UnixAccount.Find("qcli-agent", file);

        Assert.Equal(new UnixAccount("qcli-agent", 998, 997, "/var/lib/qcli-agent"), account);
        Assert.Null(UnixAccount.Find("qcli", file));
        File.Delete(file);
    }
}
