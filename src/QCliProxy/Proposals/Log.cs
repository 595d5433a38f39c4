namespace ChatOps.QCliProxy.Proposals;

// The proposal events (EventIds 4020–4049). Arguments are never logged, only their hash; one record per proposal,
// execution start and end, for the audit trail.
internal static partial class Log
{
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
}
