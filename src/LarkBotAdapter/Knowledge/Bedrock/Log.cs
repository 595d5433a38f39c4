namespace ChatOps.LarkBotAdapter.Knowledge.Bedrock;

internal static partial class Log
{
    [LoggerMessage(EventId = 5101, Level = LogLevel.Information, Message = "Knowledge base answered ({Mode}): {Characters} characters, {Sources} sources, new session {NewSession}")]
    public static partial void Answered(ILogger logger, string mode, int characters, int sources, bool newSession);

    [LoggerMessage(EventId = 5102, Level = LogLevel.Information, Message = "Knowledge base rejected the thread's session ({ErrorType}); asking again without it")]
    public static partial void SessionRejected(ILogger logger, string? errorType);

    [LoggerMessage(EventId = 5103, Level = LogLevel.Warning, Message = "Knowledge base guardrail intervened")]
    public static partial void GuardrailIntervened(ILogger logger);

    [LoggerMessage(EventId = 5104, Level = LogLevel.Warning, Message = "Knowledge base call failed after {Characters} characters: {Status} {ErrorType}")]
    public static partial void Failed(ILogger logger, int characters, int status, string? errorType);

    [LoggerMessage(EventId = 5105, Level = LogLevel.Information, Message = "Question of {Length} characters cut to {Limit} for the knowledge base")]
    public static partial void QuestionTruncated(ILogger logger, int length, int limit);
}
