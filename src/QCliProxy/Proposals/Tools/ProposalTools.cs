using System.ComponentModel;
using System.Text.Json;
using ChatOps.Contracts;
using ChatOps.QCliProxy.Proposals.Capture;
using ChatOps.QCliProxy.Proposals.Rules;
using ModelContextProtocol;
using ModelContextProtocol.Server;

namespace ChatOps.QCliProxy.Proposals.Tools;

// The tools of `QCliProxy mcp-proposals`: the agent may only propose. A valid call is written to the run's spool and
// nothing else happens until a person approves it in the chat thread; an invalid one is a tool error saying why.
[McpServerToolType]
internal sealed class ProposalTools(ProposalToolContext context)
{
    [McpServerTool(Name = "propose_support_case", Destructive = false, Idempotent = false, OpenWorld = false)]
    [Description("Propose opening an AWS Support case. Nothing is submitted: the proposal is shown in the chat thread and a person must approve it there. Use the Support server's describe_services and describe_severity_levels for valid codes.")]
    public string ProposeSupportCase(
        [Description("One-line subject of the case")] string subject,
        [Description("AWS Support service code, e.g. amazon-elastic-compute-cloud-linux")] string service_code,
        [Description("Category code of that service, e.g. instance-issue")] string category_code,
        [Description("low, normal, high, urgent or critical")] string severity_code,
        [Description("The case description: what happened, since when, resource ids, what was tried")] string communication_body,
        [Description("Optional email addresses to copy on the case")] string[]? cc_emails = null) =>
        Record(new ProposalRequest(
            ProposalRules.NewId(), QCliProposalKinds.SupportCase, subject, service_code, category_code, severity_code, communication_body, cc_emails));

    [McpServerTool(Name = "propose_runbook_action", Destructive = false, Idempotent = false, OpenWorld = false)]
    [Description("Propose running one of the administrator's runbook scripts. Nothing runs: the proposal is shown in the chat thread and a person must approve it there. The script gets the action and the arguments as separate words, never through a shell.")]
    public string ProposeRunbookAction(
        [Description("File name of a script in the proxy's runbook folder (no path)")] string runbook,
        [Description("The script's action, one word, e.g. restart")] string action,
        [Description("The script's arguments, one string each")] string[]? arguments = null) =>
        Record(new ProposalRequest(ProposalRules.NewId(), QCliProposalKinds.RunbookAction, Runbook: runbook, Action: action, Arguments: arguments));

    private string Record(ProposalRequest request)
    {
        var (draft, problem) = ProposalRules.Build(request, context.Services, context.Runbooks);
        if (draft is null)
        {
            throw new McpException("proposal refused, nothing was recorded: " + problem);
        }

        if (context.Spool is null)
        {
            throw new McpException("proposal refused: this CLI was not started by the ChatOps proxy (CHATOPS_PROPOSAL_SPOOL is unset), so no one could approve it");
        }

        // Written under a temporary name and renamed, so the proxy never reads half a file.
        var temporary = Path.Join(context.Spool, "." + draft.Id + ".tmp");
        using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
        {
            JsonSerializer.Serialize(file, request, ProposalJsonContext.Default.ProposalRequest);
        }

        // The proxy reads it through the CLI user's group; set explicitly, as the service's umask (0077) would hide it.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);
        }

        File.Move(temporary, Path.Join(context.Spool, draft.Id + ".json"));
        return $"proposal {draft.Id} recorded; a person must approve it in the chat thread. It proposes: {draft.Title}. Do not run it yourself and do not propose it again.";
    }
}

// Where the tools write and what they check against, from the environment the proxy gave the CLI.
internal sealed class ProposalToolContext(string? spool, SupportServices services, RunbookFolder runbooks)
{
    public string? Spool { get; } = spool;

    public SupportServices Services { get; } = services;

    public RunbookFolder Runbooks { get; } = runbooks;

    public static ProposalToolContext FromEnvironment() => new(
        System.Environment.GetEnvironmentVariable(ProposalEnvironment.Spool) is { Length: > 0 } spool ? spool : null,
        SupportServices.Load(System.Environment.GetEnvironmentVariable(ProposalEnvironment.SupportServices)),
        new RunbookFolder(System.Environment.GetEnvironmentVariable(ProposalEnvironment.RunbookDirectory)));
}
