using System.Text.Json;
using System.Text.RegularExpressions;

namespace ChatOps.QCliProxy.Tests.Deployment;

/// <summary>
/// The deploy kit's <c>chatops</c> agent for each CLI: its tool names, and that what runs unasked is read-only. The
/// shell tool runs only the two gate commands (chatops-kubectl, chatops-helm), each alone: <see cref="ShellAllows"/>
/// matches like Q CLI 1.14.1–1.19.3, the weakest of the versions /healthz accepts (patterns anchored at both ends,
/// deniedCommands first, and an allowedCommands match wins before any check for shell metacharacters), and without
/// the CLIs' own refusal of multi-line commands, so the pattern alone must keep out a second command, a substitution,
/// a redirection or a newline.
/// </summary>
public sealed class AgentFilesTests
{
    public static TheoryData<string, string, string, string, string> Agents => new()
    {
        // folder, read tool, aws tool, shell tool, shell's own "read-only commands run unasked" switch
        { "kiro-cli", "read", "aws", "shell", "autoAllowReadonly" },
        { "q", "fs_read", "use_aws", "execute_bash", "allowReadOnly" },
    };

    public static TheoryData<string> Allowed => new()
    {
        "chatops-kubectl get pods -n prod",
        "chatops-kubectl get pods -A --field-selector=status.phase!=Running",
        "chatops-kubectl describe deploy/checkout-api -n prod",
        "chatops-kubectl logs deploy/checkout-api --tail=200 --since=10m",
        "chatops-kubectl top nodes",
        "chatops-helm list -A",
        "chatops-helm status checkout -n prod",
    };

    public static TheoryData<string> Refused => new()
    {
        "kubectl get pods",
        "kubectl get pods -n prod",
        "helm list -A",
        "chatops-kubectl get pods; cat /etc/passwd",
        "chatops-kubectl get pods;cat /etc/passwd",
        "chatops-kubectl get pods | sh",
        "chatops-kubectl get pods|sh",
        "chatops-kubectl get pods && curl http://example.invalid",
        "chatops-kubectl get pods & id",
        "chatops-kubectl get pods $(id)",
        "chatops-kubectl get pods -l app=$(cat /etc/passwd)",
        "chatops-kubectl get pods ${IFS}id",
        "chatops-kubectl get pods `id`",
        "chatops-kubectl get pods\ncat /etc/passwd",
        "chatops-kubectl get pods\rid",
        "chatops-kubectl get pods\tid",
        "chatops-kubectl get pods > /tmp/x",
        "chatops-kubectl get pods < /etc/passwd",
        "chatops-kubectl get pods <(id)",
        "chatops-kubectl get pods 'a;id'",
        "chatops-kubectl get pods \"$(id)\"",
        "chatops-kubectl get pods \\; id",
        "chatops-kubectl get pods *",
        "chatops-kubectl get pods ~",
        "chatops-kubectl get pods {a,b}",
        "chatops-kubectl get pods # comment",
        "chatops-kubectl  get pods",
        "chatops-kubectl get pods ",
        "chatops-kubectlx get pods",
        "chatops-kubectl-debug get pods",
        "./chatops-kubectl get pods",
        "/tmp/chatops-kubectl get pods",
        "PATH=/tmp chatops-kubectl get pods",
        "env chatops-kubectl get pods",
        "chatops-helm list; helm get values checkout",
        "cat /proc/1/environ",
        "ls ~",
        "aws s3 rm s3://bucket --recursive",
    };

    [Theory]
    [MemberData(nameof(Agents))]
    public void AgentUsesItsCliToolNamesAndTrustsNoToolWholesale(string folder, string read, string aws, string shell, string readOnlySwitch)
    {
        using var agent = Load(folder);
        var root = agent.RootElement;

        Assert.Equal("chatops", root.GetProperty("name").GetString());
        Assert.Equal([read, aws, shell], root.GetProperty("tools").EnumerateArray().Select(t => t.GetString()));
        Assert.Empty(root.GetProperty("allowedTools").EnumerateArray());
        var settings = root.GetProperty("toolsSettings");
        Assert.False(settings.GetProperty(shell).GetProperty(readOnlySwitch).GetBoolean());
        Assert.Equal(["./**"], settings.GetProperty(read).GetProperty("allowedPaths").EnumerateArray().Select(p => p.GetString()));
        Assert.Contains("~", settings.GetProperty(read).GetProperty("deniedPaths").EnumerateArray().Select(p => p.GetString()));
        Assert.Contains("/proc", settings.GetProperty(read).GetProperty("deniedPaths").EnumerateArray().Select(p => p.GetString()));
        Assert.Superset(
            new HashSet<string?> { "secretsmanager", "ssm", "kms" },
            settings.GetProperty(aws).GetProperty("deniedServices").EnumerateArray().Select(s => s.GetString()).ToHashSet());
        Assert.Empty(root.GetProperty("mcpServers").EnumerateObject());
    }

    [Theory]
    [InlineData("kiro-cli", "shell")]
    [InlineData("q", "execute_bash")]
    public void ShellDeniesByDefaultAndNeverRunsReadOnlyCommandsUnasked(string folder, string shell)
    {
        using var agent = Load(folder);
        var settings = agent.RootElement.GetProperty("toolsSettings").GetProperty(shell);

        Assert.True(settings.GetProperty("denyByDefault").GetBoolean());
        // Q CLI before 1.16 reads allowReadOnly (default true), later ones autoAllowReadonly: both are set.
        Assert.False(settings.GetProperty("autoAllowReadonly").GetBoolean());
    }

    [Fact]
    public void KiroAllowsOnlyReadOnlyAwsCalls()
    {
        using var agent = Load("kiro-cli");

        Assert.True(agent.RootElement.GetProperty("toolsSettings").GetProperty("aws").GetProperty("autoAllowReadonly").GetBoolean());
    }

    [Fact]
    public void EveryAgentAllowsOnlyTheTwoGateCommands()
    {
        var files = AgentFiles().ToList();

        Assert.Equal(4, files.Count);
        Assert.All(files, file =>
        {
            using var agent = JsonDocument.Parse(File.ReadAllText(file));
            var shell = file.Contains("kiro-cli", StringComparison.Ordinal) ? "shell" : "execute_bash";
            Assert.Equal(
                ["chatops-kubectl( [A-Za-z0-9_./:=,@%+!-]+)*", "chatops-helm( [A-Za-z0-9_./:=,@%+-]+)*"],
                Patterns(agent, shell, "allowedCommands"));
            Assert.Empty(Patterns(agent, shell, "deniedCommands"));
            var prompt = agent.RootElement.GetProperty("prompt").GetString()!;
            Assert.Contains("chatops-kubectl", prompt, StringComparison.Ordinal);
            Assert.Contains("chatops-helm", prompt, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void ThirdPartyMcpServersArePinnedToAVersion()
    {
        var packages = AgentFiles()
            .Select(file => JsonDocument.Parse(File.ReadAllText(file)))
            .SelectMany(agent => agent.RootElement.GetProperty("mcpServers").EnumerateObject())
            .Where(server => server.Value.GetProperty("command").GetString() == "uvx")
            .SelectMany(server => server.Value.GetProperty("args").EnumerateArray().Select(a => a.GetString()!))
            .ToList();

        Assert.Equal(4, packages.Count);
        Assert.All(packages, p => Assert.Matches(@"^awslabs\.[a-z-]+-mcp-server@[0-9]+\.[0-9]+\.[0-9]+$", p));
        Assert.All(AgentFiles(), file => Assert.DoesNotContain("@latest", File.ReadAllText(file), StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Allowed))]
    public void GateCommandsRunUnasked(string command) => Assert.All(AgentFiles(), file => Assert.True(ShellAllows(file, command), command));

    [Theory]
    [MemberData(nameof(Refused))]
    public void AnythingElseIsRefused(string command) => Assert.All(AgentFiles(), file => Assert.False(ShellAllows(file, command), command));

    private static bool ShellAllows(string file, string command)
    {
        using var agent = JsonDocument.Parse(File.ReadAllText(file));
        var shell = file.Contains("kiro-cli", StringComparison.Ordinal) ? "shell" : "execute_bash";
        bool Matches(string list) => Patterns(agent, shell, list).Any(p => Regex.IsMatch(command, @"\A" + p + @"\z"));
        return !Matches("deniedCommands") && Matches("allowedCommands");
    }

    private static List<string> Patterns(JsonDocument agent, string tool, string list) =>
        agent.RootElement.GetProperty("toolsSettings").GetProperty(tool).GetProperty(list).EnumerateArray().Select(p => p.GetString()!).ToList();

    private static IEnumerable<string> AgentFiles() =>
        from folder in new[] { "kiro-cli", "q" }
        from name in new[] { "chatops.json", "chatops-approvals.json" }
        select Path.Combine(AgentsFolder(), folder, name);

    private static JsonDocument Load(string folder) => JsonDocument.Parse(File.ReadAllText(Path.Combine(AgentsFolder(), folder, "chatops.json")));

    private static string AgentsFolder()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(root.FullName, "ChatOps.sln")))
        {
            root = root.Parent ?? throw new InvalidOperationException("ChatOps.sln not found above the test binaries");
        }

        return Path.Combine(root.FullName, "deploy", "qcli-proxy", "agents");
    }
}
