using Microsoft.Extensions.Logging;

namespace ChatOps.LarkBotAdapter.State;

// Log messages of this area; EventIds 3000–3099 (docs/ARCHITECTURE.md, "Logging").
internal static partial class Log
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Error,
        Message = "State table {Table} unavailable during {Operation}: {ErrorCode}")]
    public static partial void StateUnavailable(ILogger logger, string table, string operation, string errorCode, Exception exception);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning,
        Message = "Thread context too large for one DynamoDB item: dropped {Dropped} oldest turns")]
    public static partial void ThreadTurnsTrimmed(ILogger logger, int dropped);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Warning,
        Message = "Stored thread context in {Table} is unreadable; continuing without it")]
    public static partial void ThreadUnreadable(ILogger logger, string table, Exception exception);
}
