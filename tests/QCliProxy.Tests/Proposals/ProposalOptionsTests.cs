using ChatOps.QCliProxy.Proposals;
using Microsoft.Extensions.Configuration;

namespace ChatOps.QCliProxy.Tests.Proposals;

public sealed class ProposalOptionsTests
{
    [Fact]
    public void DefaultsNeedNoSettings()
    {
        var options = Load([]);

        Assert.Empty(options.Errors);
        Assert.Null(options.RunbookDirectory);
        Assert.Equal(["uvx", "awslabs.aws-support-mcp-server@0.1.19"], options.SupportMcpCommand);
        Assert.Equal(TimeSpan.FromHours(24), options.Lifetime);
    }

    [Fact]
    public void TheSupportServerIsPinnedToOneReleaseWhereverTheProxyKitNamesIt()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(root.FullName, "ChatOps.sln")))
        {
            root = root.Parent!;
        }

        Assert.Matches(@"^awslabs\.aws-support-mcp-server@[0-9]+\.[0-9]+\.[0-9]+$", ProposalOptions.DefaultSupportMcpCommand.Split(' ')[1]);
        foreach (var file in new[] { "qcli-proxy.env.example", "README.md" })
        {
            var text = File.ReadAllText(Path.Combine(root.FullName, "deploy", "qcli-proxy", file));
            Assert.Contains(ProposalOptions.DefaultSupportMcpCommand, text, StringComparison.Ordinal);
            Assert.DoesNotContain("aws-support-mcp-server@latest", text, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("QCLI_RUNBOOK_DIR", "runbooks", "QCLI_RUNBOOK_DIR must be an absolute path")]
    [InlineData("QCLI_SUPPORT_SERVICES_FILE", "services.json", "QCLI_SUPPORT_SERVICES_FILE must be an absolute path")]
    [InlineData("QCLI_PROPOSAL_HOURS", "0", "QCLI_PROPOSAL_HOURS must be a whole number")]
    [InlineData("QCLI_RUNBOOK_TIMEOUT_SECONDS", "soon", "QCLI_RUNBOOK_TIMEOUT_SECONDS must be a whole number")]
    public void BadSettingIsNamed(string name, string value, string error)
    {
        var options = Load(new() { [name] = value });

        Assert.Contains(options.Errors, e => e.StartsWith(error, StringComparison.Ordinal));
    }

    private static ProposalOptions Load(Dictionary<string, string?> settings)
    {
        var options = new ProposalOptions();
        options.Load(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        return options;
    }
}
