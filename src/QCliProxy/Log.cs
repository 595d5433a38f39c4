using ChatOps.QCliProxy.Running;

namespace ChatOps.QCliProxy;

// The proxy's log events (EventIds 4000–4099, docs/ARCHITECTURE.md, "Logging"). Prompts and secrets are never
// logged; conversations appear as their directory hash.
internal static partial class Log
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Warning, Message = "Request rejected before anything ran: {Reason} (peer {Peer})")]
    public static partial void SignatureRejected(ILogger logger, string reason, string? peer);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Information, Message = "Bad request: {Problem}")]
    public static partial void BadRequest(ILogger logger, string problem);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Warning,
        Message = "Busy: refused conversation {Conversation} ({Running} running, {Waiting} waiting)")]
    public static partial void Busy(ILogger logger, string conversation, int running, int waiting);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Information,
        Message = "Run started for conversation {Conversation}: user {User}, channel {Channel}, profile {Profile}, resume {Resume}, prompt {PromptLength} chars")]
    public static partial void RunStarted(ILogger logger, string conversation, string? user, string? channel, string? profile, bool resume, int promptLength);

    [LoggerMessage(EventId = 4005, Level = LogLevel.Information,
        Message = "Run ended for conversation {Conversation}: {End}, exit code {ExitCode}, {ElapsedMs} ms, {OutputBytes} output bytes")]
    public static partial void RunEnded(ILogger logger, string conversation, RunEnd end, int exitCode, long elapsedMs, long outputBytes);

    [LoggerMessage(EventId = 4006, Level = LogLevel.Information, Message = "Client left during conversation {Conversation}; the CLI was stopped")]
    public static partial void ClientGone(ILogger logger, string conversation);

    [LoggerMessage(EventId = 4007, Level = LogLevel.Error, Message = "The CLI {Command} could not be started")]
    public static partial void CliStartFailed(ILogger logger, string command, Exception exception);

    [LoggerMessage(EventId = 4008, Level = LogLevel.Information, Message = "Deleted {Count} idle conversation directories")]
    public static partial void ConversationsSwept(ILogger logger, int count);

    [LoggerMessage(EventId = 4009, Level = LogLevel.Warning, Message = "Sweeping idle conversation directories failed")]
    public static partial void SweepFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 4010, Level = LogLevel.Warning,
        Message = "QCLI_DEV_MODE is on and QCLI_PROXY_SECRET is unset: unsigned requests from loopback are accepted. Never run this way on a server.")]
    public static partial void DevModeUnauthenticated(ILogger logger);

    [LoggerMessage(EventId = 4011, Level = LogLevel.Warning, Message = "CLI stderr for conversation {Conversation}: {Stderr}")]
    public static partial void CliStderr(ILogger logger, string conversation, string stderr);

    [LoggerMessage(EventId = 4012, Level = LogLevel.Error, Message = "Conversation {Conversation} asked for AWS profile {Profile}, which the proxy's AWS config does not define")]
    public static partial void ProfileMissing(ILogger logger, string conversation, string profile);

    [LoggerMessage(EventId = 4013, Level = LogLevel.Warning, Message = "Replayed request refused: the same timestamp and body were already accepted within the window, in whatever signature spelling (peer {Peer})")]
    public static partial void Replayed(ILogger logger, string? peer);

    [LoggerMessage(EventId = 4014, Level = LogLevel.Warning,
        Message = "QCLI_RUN_AS is unset: the CLI runs as the proxy's own user and could read the proxy's environment and files. The deploy kit sets QCLI_RUN_AS=qcli-agent.")]
    public static partial void RunsAsProxyUser(ILogger logger);

    [LoggerMessage(EventId = 4015, Level = LogLevel.Information, Message = "CLI {Command} ({Flavor}) runs as {User} with {Mode}")]
    public static partial void CliSetup(ILogger logger, string command, string flavor, string user, string mode);

    [LoggerMessage(EventId = 4016, Level = LogLevel.Error, Message = "The AWS files for a run of conversation {Conversation} could not be written")]
    public static partial void RunFilesFailed(ILogger logger, string conversation, Exception exception);

    // Approval-gated actions (Proposals/): 4020–4049. Arguments are never logged, only their hash.
    [LoggerMessage(EventId = 4020, Level = LogLevel.Information, Message = "Proposal {Id} recorded: {Kind}, profile {Profile}, arguments hash {Hash}")]
    public static partial void ProposalRecorded(ILogger logger, string id, string kind, string? profile, string hash);

    [LoggerMessage(EventId = 4021, Level = LogLevel.Warning, Message = "Spool file {File} refused: {Reason}")]
    public static partial void SpoolEntryRefused(ILogger logger, string file, string reason);

    [LoggerMessage(EventId = 4022, Level = LogLevel.Information, Message = "Execute refused: no proposal {Id}")]
    public static partial void ExecuteUnknown(ILogger logger, string id);

    [LoggerMessage(EventId = 4023, Level = LogLevel.Warning, Message = "Execute refused for proposal {Id} approved by {ApprovedBy}: the arguments hash differs from the stored proposal's")]
    public static partial void ExecuteTampered(ILogger logger, string id, string? approvedBy);

    [LoggerMessage(EventId = 4024, Level = LogLevel.Information, Message = "Execute refused: proposal {Id} has expired")]
    public static partial void ExecuteExpired(ILogger logger, string id);

    [LoggerMessage(EventId = 4025, Level = LogLevel.Information, Message = "Execute repeated for proposal {Id}: the first result is returned")]
    public static partial void ExecuteRepeated(ILogger logger, string id);

    [LoggerMessage(EventId = 4026, Level = LogLevel.Information,
        Message = "Executing proposal {Id}: {Kind}, profile {Profile}, approved by {ApprovedBy}, arguments hash {Hash}")]
    public static partial void ExecutionStarted(ILogger logger, string id, string kind, string? profile, string? approvedBy, string hash);

    [LoggerMessage(EventId = 4027, Level = LogLevel.Information, Message = "Proposal {Id} executed: {Status}, case {CaseId}, exit code {ExitCode}")]
    public static partial void ExecutionEnded(ILogger logger, string id, string status, string? caseId, int? exitCode);

    [LoggerMessage(EventId = 4028, Level = LogLevel.Error, Message = "The AWS files for executing proposal {Id} could not be written")]
    public static partial void ExecutionFilesFailed(ILogger logger, string id, Exception exception);

    [LoggerMessage(EventId = 4029, Level = LogLevel.Error, Message = "Runbook of proposal {Id} could not be started")]
    public static partial void RunbookStartFailed(ILogger logger, string id, Exception exception);

    [LoggerMessage(EventId = 4030, Level = LogLevel.Warning, Message = "The AWS Support MCP server did not open the case of proposal {Id}")]
    public static partial void SupportCaseRefused(ILogger logger, string id);

    [LoggerMessage(EventId = 4031, Level = LogLevel.Error, Message = "The AWS Support MCP server ({Command}) failed for proposal {Id}")]
    public static partial void SupportServerFailed(ILogger logger, string id, string command, Exception exception);

    [LoggerMessage(EventId = 4032, Level = LogLevel.Error, Message = "Proposals of conversation {Conversation} could not be taken from the spool")]
    public static partial void SpoolFailed(ILogger logger, string conversation, Exception exception);

    [LoggerMessage(EventId = 4033, Level = LogLevel.Information, Message = "Deleted {Count} proposals older than 90 days")]
    public static partial void ProposalsPruned(ILogger logger, int count);

    [LoggerMessage(EventId = 4034, Level = LogLevel.Warning, Message = "Deleting old proposals failed")]
    public static partial void ProposalPruneFailed(ILogger logger, Exception exception);

    // Sandbox and conversation folders: 4060–4069.
    [LoggerMessage(EventId = 4060, Level = LogLevel.Error, Message = "Run of conversation {Conversation} refused: agent folders left by an earlier run could not be removed ({Names})")]
    public static partial void PlantedAgentsLeft(ILogger logger, string conversation, string names);

    [LoggerMessage(EventId = 4061, Level = LogLevel.Warning, Message = "Idle conversation folder {Conversation} could not be swept; the others still are")]
    public static partial void ConversationSweepFailed(ILogger logger, string conversation, Exception exception);

    // Fleet: draining on SIGTERM, 4070–4079.
    [LoggerMessage(EventId = 4070, Level = LogLevel.Information, Message = "Draining: no new runs; waiting for {Running} running and {Waiting} queued to end")]
    public static partial void Draining(ILogger logger, int running, int waiting);

    [LoggerMessage(EventId = 4071, Level = LogLevel.Information, Message = "Drained: no run left")]
    public static partial void Drained(ILogger logger);

    [LoggerMessage(EventId = 4072, Level = LogLevel.Warning, Message = "Shutdown deadline passed with {Running} runs still going; their CLIs are stopped")]
    public static partial void DrainAbandoned(ILogger logger, int running);

    [LoggerMessage(EventId = 4073, Level = LogLevel.Information, Message = "Draining: refused a new run for conversation {Conversation}")]
    public static partial void DrainRefused(ILogger logger, string conversation);

    // Signatures: 4090–4099.
    [LoggerMessage(EventId = 4090, Level = LogLevel.Warning,
        Message = "QCLI_ACCEPT_V1_SIGNATURES is on: v1 signatures, which bind neither method nor path, are accepted. Turn it off once every bot signs v2.")]
    public static partial void AcceptsV1Signatures(ILogger logger);

    // Credentials the proxy vends (Aws/CredentialVendor, QCLI_VEND_CREDENTIALS): 4080–4089. Keys are never logged.
    [LoggerMessage(EventId = 4080, Level = LogLevel.Information,
        Message = "Assumed {RoleArn} for AWS profile {Profile} as session {Session}; its keys expire at {Expiration}")]
    public static partial void RoleAssumed(ILogger logger, string profile, string roleArn, string session, DateTimeOffset expiration);

    [LoggerMessage(EventId = 4081, Level = LogLevel.Error, Message = "AWS profile {Profile}: the instance role's keys could not be read from {Endpoint}")]
    public static partial void InstanceKeysFailed(ILogger logger, string profile, string endpoint, Exception exception);

    [LoggerMessage(EventId = 4082, Level = LogLevel.Error, Message = "AWS profile {Profile}: STS AssumeRole of {RoleArn} failed")]
    public static partial void AssumeRoleFailed(ILogger logger, string profile, string roleArn, Exception exception);
}
