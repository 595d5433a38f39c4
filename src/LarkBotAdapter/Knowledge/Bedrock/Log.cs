namespace ChatOps.LarkBotAdapter.Knowledge.Bedrock;

// Log messages of this area; EventIds 7000–7099 (docs/ARCHITECTURE.md, "Logging").
internal static partial class Log
{
    [LoggerMessage(EventId = 7001, Level = LogLevel.Information, Message = "Knowledge base answered ({Mode}): {Characters} characters, {Sources} sources, new session {NewSession}")]
    public static partial void Answered(ILogger logger, string mode, int characters, int sources, bool newSession);

    [LoggerMessage(EventId = 7002, Level = LogLevel.Information, Message = "Knowledge base rejected the thread's session ({ErrorType}); asking again without it")]
    public static partial void SessionRejected(ILogger logger, string? errorType);

    [LoggerMessage(EventId = 7003, Level = LogLevel.Warning, Message = "Knowledge base guardrail intervened")]
    public static partial void GuardrailIntervened(ILogger logger);

    [LoggerMessage(EventId = 7004, Level = LogLevel.Warning, Message = "Knowledge base call failed after {Characters} characters: {Status} {ErrorType}")]
    public static partial void Failed(ILogger logger, int characters, int status, string? errorType);

    [LoggerMessage(EventId = 7005, Level = LogLevel.Information, Message = "Question of {Length} characters cut to {Limit} for the knowledge base")]
    public static partial void QuestionTruncated(ILogger logger, int length, int limit);
}
