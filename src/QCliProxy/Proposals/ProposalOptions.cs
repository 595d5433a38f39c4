using ChatOps.QCliProxy.Configuration;
using ChatOps.Settings;

namespace ChatOps.QCliProxy.Proposals;

// Settings of approval-gated actions, read from the environment like ProxyOptions.
internal sealed class ProposalOptions : IHasSettingErrors
{
    // Pinned: a new release of a third-party server is reviewed before it may open cases (the agent files pin the same).
    public const string DefaultSupportMcpCommand = "uvx awslabs.aws-support-mcp-server@0.1.19";

    // QCLI_RUNBOOK_DIR: the administrator's scripts; null: no runbook can be proposed.
    public string? RunbookDirectory { get; set; }

    // QCLI_SUPPORT_SERVICES_FILE: saved `aws support describe-services` output; null: no support case can be proposed.
    public string? SupportServicesFile { get; set; }

    // QCLI_SUPPORT_MCP_COMMAND: how the proxy starts the AWS Support MCP server when a case is approved (argv words).
    public IReadOnlyList<string> SupportMcpCommand { get; set; } = DefaultSupportMcpCommand.Split(' ');

    // QCLI_PROPOSAL_HOURS: how long an unexecuted proposal may still be executed (410 after).
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromHours(24);

    // QCLI_RUNBOOK_TIMEOUT_SECONDS: a runbook run is killed after this.
    public TimeSpan RunbookTimeout { get; set; } = TimeSpan.FromSeconds(120);

    public List<string> Errors { get; } = [];

    IReadOnlyList<string> IHasSettingErrors.Errors => Errors;

    public void Load(IConfiguration configuration)
    {
        var reader = new SettingReader(configuration, Errors);
        RunbookDirectory = reader.Text("QCLI_RUNBOOK_DIR");
        SupportServicesFile = reader.Text("QCLI_SUPPORT_SERVICES_FILE");
        Lifetime = TimeSpan.FromHours(reader.Integer("QCLI_PROPOSAL_HOURS", 24, 1, 24 * 30));
        RunbookTimeout = TimeSpan.FromSeconds(reader.Integer("QCLI_RUNBOOK_TIMEOUT_SECONDS", 120, 1, 3600));
        SupportMcpCommand = reader.Words("QCLI_SUPPORT_MCP_COMMAND") is { Count: > 0 } words ? words : SupportMcpCommand;
        foreach (var (name, path) in new[] { ("QCLI_RUNBOOK_DIR", RunbookDirectory), ("QCLI_SUPPORT_SERVICES_FILE", SupportServicesFile) })
        {
            if (path is not null && !Path.IsPathFullyQualified(path))
            {
                Errors.Add($"{name} must be an absolute path, not '{path}'.");
            }
        }
    }
}
