using ChatOps.QCliProxy.Proposals.Rules;

namespace ChatOps.QCliProxy.Proposals.Capture;

// Variables the proxy gives a CLI run, which the proposal MCP server (started by the CLI) inherits. Not QCLI_ names:
// those are the proxy's own settings and never reach the CLI.
internal static class ProposalEnvironment
{
    // The run's spool folder, where a valid proposal is written as <id>.json.
    public const string Spool = "CHATOPS_PROPOSAL_SPOOL";

    // QCLI_RUNBOOK_DIR, so the tool can check a runbook exists.
    public const string RunbookDirectory = "CHATOPS_PROPOSAL_RUNBOOK_DIR";

    // QCLI_SUPPORT_SERVICES_FILE, so the tool can check service and category codes.
    public const string SupportServices = "CHATOPS_PROPOSAL_SUPPORT_SERVICES";
}
