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

    [LoggerMessage(EventId = 4013, Level = LogLevel.Warning, Message = "Replayed request refused: its signature was already used within the window (peer {Peer})")]
    public static partial void Replayed(ILogger logger, string? peer);

    [LoggerMessage(EventId = 4014, Level = LogLevel.Warning,
        Message = "QCLI_RUN_AS is unset: the CLI runs as the proxy's own user and could read the proxy's environment and files. The deploy kit sets QCLI_RUN_AS=qcli-agent.")]
    public static partial void RunsAsProxyUser(ILogger logger);

    [LoggerMessage(EventId = 4015, Level = LogLevel.Information, Message = "CLI {Command} ({Flavor}) runs as {User} with {Mode}")]
    public static partial void CliSetup(ILogger logger, string command, string flavor, string user, string mode);

    [LoggerMessage(EventId = 4016, Level = LogLevel.Error, Message = "The AWS files for a run of conversation {Conversation} could not be written")]
    public static partial void RunFilesFailed(ILogger logger, string conversation, Exception exception);
}
