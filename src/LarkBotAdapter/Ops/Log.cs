namespace ChatOps.LarkBotAdapter.Ops;

// Log messages of this area; EventIds 5000–5099 (docs/ARCHITECTURE.md, "Logging").
internal static partial class Log
{
    [LoggerMessage(EventId = 5003, Level = LogLevel.Information, Message = "Ops route refused for chat {ChatId}, user {UserId}: not in OPS_ALLOWED_CHAT_IDS / OPS_ALLOWED_USER_IDS")]
    public static partial void Restricted(ILogger logger, string chatId, string userId);

    [LoggerMessage(EventId = 5004, Level = LogLevel.Information, Message = "Ops question for {ConversationId} sent to the Q CLI proxy (profile {AwsProfile})")]
    public static partial void Sending(ILogger logger, string conversationId, string? awsProfile);

    [LoggerMessage(EventId = 5005, Level = LogLevel.Information, Message = "Q CLI proxy answered {ConversationId}: {Chunks} chunk(s), {Outcome}")]
    public static partial void Answered(ILogger logger, string conversationId, int chunks, string outcome);

    [LoggerMessage(EventId = 5006, Level = LogLevel.Warning, Message = "Q CLI proxy call for {ConversationId} failed after {Chunks} chunk(s): {Failure}")]
    public static partial void Failed(ILogger logger, string conversationId, int chunks, string failure, Exception exception);

    [LoggerMessage(EventId = 5007, Level = LogLevel.Warning, Message = "Q CLI proxy reported {Code} for {ConversationId}: {ProxyMessage}")]
    public static partial void ProxyError(ILogger logger, string conversationId, string code, string proxyMessage);

    [LoggerMessage(EventId = 5008, Level = LogLevel.Warning, Message = "Turn {ClaimKey}: the ops guardrail could not be applied; an error reply is posted")]
    public static partial void GuardrailFailed(ILogger logger, string claimKey, Exception exception);

    [LoggerMessage(EventId = 5009, Level = LogLevel.Information, Message = "Turn {ClaimKey}: the ops guardrail intervened; its output is posted and the answer stops")]
    public static partial void GuardrailIntervened(ILogger logger, string claimKey);
}
