using System.Text.Json;

namespace ChatOps.QCliProxy.Tests.Deployment;

/// <summary>
/// The deploy kit's <c>chatops-approvals</c> agent for each CLI: the proposal server trusted, knowledge-base retrieval,
/// and the AWS Support server with its read tools only, so the model can never call create_support_case itself.
/// </summary>
public sealed class ApprovalAgentFilesTests
{
    private static readonly string[] SupportWriteTools = ["create_support_case", "add_communication_to_case", "resolve_support_case", "add_attachments_to_set"];

    [Theory]
    [InlineData("kiro-cli")]
    [InlineData("q")]
    public void SupportServerOffersOnlyItsReadToolsAndProposalsAreTrusted(string folder)
    {
        using var agent = Load(folder);
        var root = agent.RootElement;
        var tools = Strings(root.GetProperty("tools"));
        var allowed = Strings(root.GetProperty("allowedTools"));

        Assert.Equal("chatops-approvals", root.GetProperty("name").GetString());
        Assert.Contains("@chatops-proposals/propose_support_case", allowed);
        Assert.Contains("@chatops-proposals/propose_runbook_action", allowed);
        Assert.Contains("@aws-kb-retrieval/QueryKnowledgeBases", allowed);
        Assert.Equal(
            ["@aws-support/describe_services", "@aws-support/describe_severity_levels", "@aws-support/describe_support_cases"],
            tools.Where(t => t.StartsWith("@aws-support", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(tools.Concat(allowed), t => t is "@aws-support" or "*" || SupportWriteTools.Any(w => t.EndsWith("/" + w, StringComparison.Ordinal)));
        Assert.Subset(tools.ToHashSet(), allowed.ToHashSet());
        var servers = root.GetProperty("mcpServers");
        Assert.Equal("/opt/qcli-proxy/QCliProxy", servers.GetProperty("chatops-proposals").GetProperty("command").GetString());
        Assert.Equal(["mcp-proposals"], Strings(servers.GetProperty("chatops-proposals").GetProperty("args")));
        Assert.Equal(["awslabs.aws-support-mcp-server@0.1.19"], Strings(servers.GetProperty("aws-support").GetProperty("args")));
        Assert.Equal(["awslabs.bedrock-kb-retrieval-mcp-server@1.0.20"], Strings(servers.GetProperty("aws-kb-retrieval").GetProperty("args")));
        // The run's AWS_PROFILE and AWS files reach the servers from the CLI's environment; the agent must not pick a profile.
        Assert.All(servers.EnumerateObject(), s => Assert.False(s.Value.TryGetProperty("env", out var env) && env.TryGetProperty("AWS_PROFILE", out _)));
    }

    [Fact]
    public void KiroAlsoDisablesTheSupportServersWriteTools()
    {
        using var agent = Load("kiro-cli");

        var disabled = Strings(agent.RootElement.GetProperty("mcpServers").GetProperty("aws-support").GetProperty("disabledTools"));

        Assert.Equal(SupportWriteTools.Order(StringComparer.Ordinal), disabled.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("kiro-cli")]
    [InlineData("q")]
    public void BuiltInToolsAndTheirLimitsAreThoseOfTheReadOnlyAgent(string folder)
    {
        using var approvals = Load(folder);
        using var chatops = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder(folder), "chatops.json")));

        Assert.Equal(Strings(chatops.RootElement.GetProperty("tools")), Strings(approvals.RootElement.GetProperty("tools")).Where(t => !t.StartsWith('@')));
        Assert.True(JsonElement.DeepEquals(chatops.RootElement.GetProperty("toolsSettings"), approvals.RootElement.GetProperty("toolsSettings")));
    }

    private static List<string> Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!).ToList();

    private static JsonDocument Load(string folder) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder(folder), "chatops-approvals.json")));

    private static string Folder(string folder)
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(root.FullName, "ChatOps.sln")))
        {
            root = root.Parent ?? throw new InvalidOperationException("ChatOps.sln not found above the test binaries");
        }

        return Path.Combine(root.FullName, "deploy", "qcli-proxy", "agents", folder);
    }
}
