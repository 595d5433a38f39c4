namespace ChatOps.LarkBotAdapter.Approvals;

// Log messages of this area; EventIds 9100–9199 (docs/ARCHITECTURE.md, "Logging").
internal static partial class Log
{
    [LoggerMessage(EventId = 9100, Level = LogLevel.Information,
        Message = "Audit {Event}: proposal {ProposalId} ({Kind}) by {Who}, arguments {ArgumentsHash}, profile {Profile}, thread {Thread}, outcome {Outcome}, at {At}")]
    public static partial void Audit(
        ILogger logger, string @event, string proposalId, string kind, string who, string argumentsHash, string profile, string thread, string outcome, DateTimeOffset at);

    [LoggerMessage(EventId = 9101, Level = LogLevel.Warning, Message = "Audit entry for proposal {ProposalId} not stored (the log line above is the record)")]
    public static partial void AuditNotStored(ILogger logger, string proposalId, Exception exception);

    [LoggerMessage(EventId = 9102, Level = LogLevel.Warning, Message = "Proposal {ProposalId} refused: {Reason}")]
    public static partial void ProposalRefused(ILogger logger, string proposalId, string reason);

    [LoggerMessage(EventId = 9103, Level = LogLevel.Warning, Message = "Proposal {ProposalId} could not be offered for approval")]
    public static partial void ProposalNotShown(ILogger logger, string proposalId, Exception exception);

    [LoggerMessage(EventId = 9104, Level = LogLevel.Warning, Message = "Decision on proposal {ProposalId} not recorded")]
    public static partial void DecisionFailed(ILogger logger, string proposalId, Exception exception);

    [LoggerMessage(EventId = 9105, Level = LogLevel.Information, Message = "Decision on proposal {ProposalId} refused: {Who} may not decide it")]
    public static partial void DecisionRefused(ILogger logger, string proposalId, string who);

    [LoggerMessage(EventId = 9106, Level = LogLevel.Warning, Message = "Approval card of proposal {ProposalId} not updated")]
    public static partial void CardNotUpdated(ILogger logger, string proposalId, Exception exception);

    [LoggerMessage(EventId = 9107, Level = LogLevel.Information, Message = "Proposal {ProposalId}: nothing to execute (state {State})")]
    public static partial void NothingToExecute(ILogger logger, string proposalId, string state);

    [LoggerMessage(EventId = 9108, Level = LogLevel.Warning, Message = "Proposal {ProposalId}: the proxy refused the execution (HTTP {Status})")]
    public static partial void ExecutionRefused(ILogger logger, string proposalId, int status);

    [LoggerMessage(EventId = 9109, Level = LogLevel.Warning, Message = "Proposal {ProposalId}: the result could not be posted")]
    public static partial void ResultNotPosted(ILogger logger, string proposalId, Exception exception);

    [LoggerMessage(EventId = 9150, Level = LogLevel.Information, Message = "Plain-text decision in thread {Thread} refused: {Reason}")]
    public static partial void TextDecisionRefused(ILogger logger, string thread, string reason);

    [LoggerMessage(EventId = 9160, Level = LogLevel.Warning, Message = "Proposal {ProposalId}: the ops guardrail could not check its {Subject}; it is withheld")]
    public static partial void ApprovalGuardrailFailed(ILogger logger, string proposalId, string subject, Exception exception);

    [LoggerMessage(EventId = 9161, Level = LogLevel.Information, Message = "Proposal {ProposalId}: the ops guardrail intervened on its {Subject}; it is withheld")]
    public static partial void ApprovalGuardrailIntervened(ILogger logger, string proposalId, string subject);
}
