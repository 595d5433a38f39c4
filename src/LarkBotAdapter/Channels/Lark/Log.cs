namespace ChatOps.LarkBotAdapter.Channels.Lark;

// Log messages of this area; EventIds 1100–1199 (docs/ARCHITECTURE.md, "Logging").
internal static partial class Log
{
    [LoggerMessage(EventId = 1101, Level = LogLevel.Warning, Message = "Lark request rejected: {Reason}")]
    public static partial void Rejected(ILogger logger, string reason);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Warning, Message = "Could not learn the bot identity of Lark app {AppId} at start-up: {Reason}")]
    public static partial void WarmupFailed(ILogger logger, string appId, string reason);
}
