using System.Runtime.Versioning;
using ChatOps.LarkBotAdapter.Local;

namespace ChatOps.LarkBotAdapter.Tests.Local.Ops;

/// <summary>
/// <c>ask</c>'s aws_ops route on a laptop: no proxy, the fake <c>q</c> on PATH, HOME and the cache in a temporary
/// folder (<see cref="LaptopOpsFolder"/>). Asserts on the files the run leaves and on what the fake CLI saw.
/// </summary>
[UnsupportedOSPlatform("windows")]
public sealed class LocalOpsRouteTests
{
    private const string OpsQuestion = "list the EC2 instances in prod that are stopped";

    [Fact]
    public async Task TheAgentIsWrittenIntoTheRunFolderAndNotIntoHome()
    {
        using var laptop = new LaptopOpsFolder();
        var (exit, stdout, stderr) = await laptop.AskAsync(null, "--profile", "prod", OpsQuestion);

        Assert.True(exit == 0, stdout + stderr);
        Assert.StartsWith("intent: aws_ops", stdout, StringComparison.Ordinal);
        var conversation = laptop.Conversation();
        Assert.Contains($"CWD={conversation}", stdout, StringComparison.Ordinal);
        Assert.Contains("ARG=--agent\nARG=chatops\n", stdout, StringComparison.Ordinal);
        Assert.Contains("BEGIN CHAT QUESTION", stdout, StringComparison.Ordinal);
        foreach (var agent in new[] { ".kiro/agents/chatops.json", ".amazonq/cli-agents/chatops.json" })
        {
            var text = File.ReadAllText(Path.Join(conversation, agent));
            Assert.Contains("chatops-kubectl", text, StringComparison.Ordinal);
            Assert.Contains("\"denyByDefault\": true", text, StringComparison.Ordinal);
        }
        Assert.False(Directory.Exists(Path.Join(laptop.Home, ".kiro")));
        Assert.False(Directory.Exists(Path.Join(laptop.Home, ".aws", "amazonq")));
    }

    [Fact]
    public async Task TheRunSeesOnlyTheChosenProfile()
    {
        using var laptop = new LaptopOpsFolder();
        var (exit, stdout, _) = await laptop.AskAsync(null, "--profile", "prod", OpsQuestion);

        Assert.Equal(0, exit);
        Assert.Contains("AWS_PROFILE=prod\n", stdout, StringComparison.Ordinal);
        Assert.Contains("AWS_CONFIG_PROFILES=[profile prod] \n", stdout, StringComparison.Ordinal);
        Assert.Contains("AWS_CREDENTIALS_PROFILES=[prod] \n", stdout, StringComparison.Ordinal);
        Assert.Contains("AWS_ACCESS_KEY_IDS=AKIAPRODEXAMPLE \n", stdout, StringComparison.Ordinal);
        // The run's folder (AWS files, gate wrappers) is gone after the run.
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Join(laptop.Cache, "chatops", "runs")));
    }

    [Fact]
    public async Task AMissingProfileIsAClearErrorBeforeAnythingRuns()
    {
        using var laptop = new LaptopOpsFolder();
        var (exit, stdout, stderr) = await laptop.AskAsync(null, "--profile", "nope", OpsQuestion);

        Assert.Equal(2, exit);
        Assert.Contains("AWS profile 'nope'", stderr, StringComparison.Ordinal);
        Assert.Contains(Path.Join(laptop.Home, ".aws", "config"), stderr, StringComparison.Ordinal);
        Assert.Equal("", stdout);
        Assert.False(File.Exists(Path.Join(laptop.Home, "runs.log")));
    }

    [Fact]
    public async Task AFollowUpResumesTheConversation()
    {
        using var laptop = new LaptopOpsFolder();
        var (_, first, _) = await laptop.AskAsync(null, "--profile", "prod", OpsQuestion);
        var (exit, second, _) = await laptop.AskAsync(null, "--profile", "prod", "and which of them are in eu-west-1 in prod?");
        var (_, fresh, _) = await laptop.AskAsync(null, "--profile", "prod", "--new", OpsQuestion);

        Assert.Equal(0, exit);
        Assert.DoesNotContain("ARG=--resume", first, StringComparison.Ordinal);
        Assert.Contains("ARG=--resume\n", second, StringComparison.Ordinal);
        Assert.DoesNotContain("ARG=--resume", fresh, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheGateRefusesAForbiddenKubectlCall()
    {
        using var laptop = new LaptopOpsFolder();
        var (_, refused, _) = await laptop.AskAsync(null, "--profile", "prod",
            "@shell chatops-kubectl delete pod checkout-api -n prod -- why are the EKS pods of checkout-api in prod crashing?");
        Assert.Contains("chatops-kubectl: refused:", refused, StringComparison.Ordinal);
        Assert.Contains("EXIT=2", refused, StringComparison.Ordinal);
        Assert.False(File.Exists(laptop.KubectlLog));

        var (_, allowed, _) = await laptop.AskAsync(null, "--profile", "prod",
            "@shell chatops-kubectl get pods -n prod -- why are the EKS pods of checkout-api in prod crashing?");
        Assert.Contains("KUBECTL_RAN", allowed, StringComparison.Ordinal);
        Assert.Equal("get pods -n prod\n", File.ReadAllText(laptop.KubectlLog));
    }

    [Fact]
    public async Task WithoutACliItSaysHowToGetOneOrAProxy()
    {
        using var laptop = new LaptopOpsFolder(withCli: false);
        var (exit, stdout, _) = await laptop.AskAsync(null, OpsQuestion);

        Assert.Equal(AskOutcome.RouteUnavailable, exit);
        Assert.StartsWith("intent: aws_ops", stdout, StringComparison.Ordinal);
        foreach (var needed in new[] { "kiro-cli", "Amazon Q Developer CLI", "QLI_SERVER_ADDRESS", "QCLI_PROXY_SECRET" })
        {
            Assert.Contains(needed, stdout, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task TheAnswerStreamsIntoTheConsole()
    {
        using var laptop = new LaptopOpsFolder();
        var release = Path.Join(laptop.Root, "release");
        // The fake CLI waits for release after its first part; the console creates it once that part is printed.
        using var output = new ReleasingWriter("first part", release);
        var (exit, stdout, _) = await laptop.AskAsync(output, "--profile", "prod",
            $"@stream {release} -- show the CloudWatch alarms firing in prod right now");

        Assert.Equal(0, exit);
        var first = stdout.IndexOf("first part", StringComparison.Ordinal);
        Assert.True(first >= 0 && stdout.IndexOf("second part", StringComparison.Ordinal) > first, stdout);
        Assert.True(output.ReleasedBeforeSecondPart);
    }

    [Fact]
    public async Task ARunEndedByTheAnswerDeadlineFailsTheCommand()
    {
        using var laptop = new LaptopOpsFolder { AnswerTimeoutSeconds = "4" };
        var never = Path.Join(laptop.Root, "never");
        var (exit, stdout, _) = await laptop.AskAsync(null, "--profile", "prod",
            $"@stream {never} -- show the CloudWatch alarms firing in prod right now");

        Assert.Equal(AskOutcome.RouteFailed, exit);
        Assert.DoesNotContain("second part", stdout, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Join(laptop.Conversation(), ".chatops-resume")));
        Assert.True(await NoneRunsAsync(never), "the CLI the deadline ended is still running");
    }

    // Whether no process has `marker` on its command line (the CLI's question names it), allowing the kernel a moment
    // to finish a kill that was sent.
    private static async Task<bool> NoneRunsAsync(string marker)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var running = Directory.EnumerateDirectories("/proc").Any(folder =>
            {
                try
                {
                    return int.TryParse(Path.GetFileName(folder), out _)
                        && File.ReadAllText(Path.Join(folder, "cmdline")).Contains(marker, StringComparison.Ordinal);
                }
                catch (IOException)
                {
                    return false;
                }
                catch (UnauthorizedAccessException)
                {
                    return false;
                }
            });
            if (!running)
            {
                return true;
            }

            await Task.Delay(100);
        }

        return false;
    }

    // Creates the release file when the awaited text has been printed; notes whether that was before the second part.
    private sealed class ReleasingWriter(string awaited, string release) : StringWriter
    {
        public bool ReleasedBeforeSecondPart { get; private set; }

        public override void Write(string? value)
        {
            base.Write(value);
            var text = ToString();
            if (!File.Exists(release) && text.Contains(awaited, StringComparison.Ordinal))
            {
                ReleasedBeforeSecondPart = !text.Contains("second part", StringComparison.Ordinal);
                File.WriteAllText(release, "");
            }
        }

        public override void WriteLine(string? value) => Write(value + NewLine);
    }
}
