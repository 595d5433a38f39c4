using ChatOps.QCliProxy.Conversations;
using ChatOps.QCliProxy.Tests.Hosting;
using ChatOps.TestKit.QCli;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.QCliProxy.Tests.Running.Sandbox;

/// <summary>
/// QCLI_SANDBOX=bwrap: a run (the fake CLI, named kiro-cli) reaches its own conversation's folder and nothing else of
/// the state folder, sees only its own processes and cannot write outside its folder. The same probes with
/// QCLI_SANDBOX=none are the control: each of them succeeds there.
/// </summary>
public sealed class SandboxIsolationTests
{
    private const string Other = "lark:oc_test:om_other";

    [SandboxFact]
    public async Task SandboxedRunCannotReachAnotherConversationNorTheProxyNorWriteOutsideItsFolder()
    {
        await using var proxy = await StartAsync("bwrap");
        var (probe, other, targets) = await ProbeAsync(proxy);

        Assert.Equal(("denied", "denied", "hidden"), (probe.Seen("LIST_OTHER"), probe.Seen("READ_OTHER"), probe.Seen("PROXY_PID")));
        Assert.DoesNotContain(Path.GetFileName(other), probe.Seen("STATE_ENTRIES"), StringComparison.Ordinal);
        Assert.InRange(int.Parse(probe.Seen("PIDS")!, System.Globalization.CultureInfo.InvariantCulture), 1, 8);
        Assert.All(targets, t => Assert.False(File.Exists(t), t + " was written from inside the sandbox"));
        Assert.Equal(Path.Join(probe.Seen("CWD"), ".cli-home"), probe.Seen("HOME"));
        Assert.Contains(proxy.Logs.Lines, l => l.Contains("agent chatops, sandbox bwrap", StringComparison.Ordinal));
    }

    [SandboxFact]
    public async Task WithoutTheSandboxTheSameRunReachesAllOfIt()
    {
        await using var proxy = await StartAsync("none");
        var (probe, other, targets) = await ProbeAsync(proxy);

        Assert.Equal(("ok", "ok", "visible"), (probe.Seen("LIST_OTHER"), probe.Seen("READ_OTHER"), probe.Seen("PROXY_PID")));
        Assert.Contains(Path.GetFileName(other), probe.Seen("STATE_ENTRIES"), StringComparison.Ordinal);
        Assert.All(targets, t => Assert.True(File.Exists(t), t + " was not written without the sandbox"));
        Assert.Contains(proxy.Logs.Lines, l => l.Contains("agent chatops, no sandbox", StringComparison.Ordinal));
        File.Delete(targets[^1]);
    }

    [SandboxFact(AsAnotherAccount = true)]
    public async Task SandboxedRunAsItsOwnAccountIsIsolatedToo()
    {
        await using var proxy = await StartAsync("bwrap", runAs: "nobody");
        var (probe, _, targets) = await ProbeAsync(proxy);

        Assert.Equal("done", probe.Terminal.Type);
        Assert.Equal(("denied", "denied", "hidden"), (probe.Seen("LIST_OTHER"), probe.Seen("READ_OTHER"), probe.Seen("PROXY_PID")));
        Assert.All(targets, t => Assert.False(File.Exists(t), t + " was written from inside the sandbox"));
    }

    [SandboxFact]
    public async Task PlantedWorkspaceAgentIsGoneBeforeTheNextSandboxedRun()
    {
        await using var proxy = await StartAsync("bwrap");

        var planted = await proxy.ChatAsync("@plant");
        var next = await proxy.ChatAsync("@agents");

        Assert.Equal("yes", planted.Seen("PLANTED"));
        Assert.Equal("absent", next.Seen("WORKSPACE_AGENT"));
    }

    [Fact]
    public async Task PlantedWorkspaceAgentIsGoneBeforeTheNextRunWithoutTheSandboxToo()
    {
        await using var proxy = await StartAsync("none");

        var planted = await proxy.ChatAsync("@plant");
        var next = await proxy.ChatAsync("@agents");

        Assert.Equal("yes", planted.Seen("PLANTED"));
        Assert.Equal("absent", next.Seen("WORKSPACE_AGENT"));
    }

    [SandboxFact]
    public async Task HangingSandboxedRunTimesOutAndNothingOfItIsLeft()
    {
        await using var proxy = await StartAsync("bwrap", timeoutSeconds: "1");
        var folder = Path.Join(proxy.StateDir, proxy.Services.GetRequiredService<ConversationStore>().DirectoryName(QCliProxyHost.DefaultConversation));
        using var stream = await proxy.OpenChatAsync("@hang");
        Assert.StartsWith("PIDS=", (await stream.NextAsync())!.Text, StringComparison.Ordinal);
        // bwrap, the fake CLI and its sleep, seen from the host by their working folder (pids inside differ).
        Assert.True(ProcessesIn(folder).Count >= 2);

        var rest = await stream.RestAsync();

        Assert.Equal(("error", "timeout"), (rest[^1].Type, rest[^1].Code));
        Assert.True(await ProcessProbe.EventuallyAsync(() => ProcessesIn(folder).Count == 0), "every process of the sandboxed run must be gone");
    }

    [Fact]
    public async Task MissingCliIsAStartFailureInTheSandboxToo()
    {
        await using var proxy = await QCliProxyHost.StartAsync(s => (s["QCLI_COMMAND"], s["QCLI_SANDBOX"]) = ("/nonexistent/kiro-cli", "bwrap"));

        var reply = await proxy.ChatAsync("hi");

        Assert.Equal(("error", "failed"), (reply.Terminal.Type, reply.Terminal.Code));
        Assert.Contains("could not be started", reply.Terminal.Message, StringComparison.Ordinal);
    }

    // Live host processes whose working directory is the folder.
    private static List<int> ProcessesIn(string folder) =>
        Directory.EnumerateDirectories("/proc").Select(Path.GetFileName).Select(n => int.TryParse(n, out var pid) ? pid : 0)
            .Where(pid => pid > 0 && ProcessProbe.IsAlive(pid) && CwdOf(pid) == folder).ToList();

    private static string? CwdOf(int pid)
    {
        try
        {
            return new DirectoryInfo($"/proc/{pid}/cwd").LinkTarget;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    // A first conversation, then a probe from a second one: its folder, a file in the state root, one in the host's /tmp.
    private static async Task<(ProxyReply Probe, string OtherFolder, string[] Targets)> ProbeAsync(QCliProxyHost proxy)
    {
        var first = await proxy.ChatAsync("hello", Other);
        var other = Path.GetDirectoryName(first.Seen("CWD")) is { } state ? Path.Join(state, Path.GetFileName(first.Seen("CWD"))) : "";
        Assert.True(File.Exists(Path.Join(other, ConversationStore.ResumeMarker)));
        var hostTmp = Path.Join(Path.GetTempPath(), "qcli-sandbox-escape-" + Guid.NewGuid().ToString("N"));
        string[] targets = [Path.Join(proxy.StateDir, "escaped"), Path.Join(other, "escaped"), hostTmp];
        var probe = await proxy.ChatAsync($"@escape {other} {string.Join(',', targets)} {Environment.ProcessId}");
        Assert.Equal("done", probe.Terminal.Type);
        return (probe, other, targets);
    }

    private static Task<QCliProxyHost> StartAsync(string sandbox, string? runAs = null, string timeoutSeconds = "60") =>
        QCliProxyHost.StartAsync(s =>
        {
            // The fake CLI named kiro-cli: Kiro CLI gets a HOME of its own inside the conversation's folder.
            var kiro = Path.Join(Path.GetDirectoryName(s["QCLI_COMMAND"]), "kiro-cli");
            File.Copy(s["QCLI_COMMAND"]!, kiro);
            File.SetUnixFileMode(kiro, File.GetUnixFileMode(s["QCLI_COMMAND"]!));
            s["QCLI_COMMAND"] = kiro;
            s["QCLI_SANDBOX"] = sandbox;
            s["QCLI_RUN_AS"] = runAs;
            s["QCLI_TIMEOUT_SECONDS"] = timeoutSeconds;
        });
}
