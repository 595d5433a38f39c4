namespace ChatOps.LarkBotAdapter.Channels.Lark;

// Log messages of this area; EventIds 1100–1199 (docs/ARCHITECTURE.md, "Logging").
internal static partial class Log
{
    [LoggerMessage(EventId = 1101, Level = LogLevel.Warning, Message = "Lark request rejected: {Reason}")]
    public static partial void Rejected(ILogger logger, string reason);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Warning, Message = "Could not learn the bot identity of Lark app {AppId} at start-up: {Reason}")]
    public static partial void WarmupFailed(ILogger logger, string appId, string reason);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Information, Message = "Lark card callback ignored: {Reason}")]
    public static partial void CardCallbackIgnored(ILogger logger, string reason);

    [LoggerMessage(EventId = 1190, Level = LogLevel.Warning, Message = "Turn {ClaimKey}: the last segment ({Bytes} bytes) is too long for a card; it goes out as a post without feedback buttons")]
    public static partial void FeedbackCardTooLong(ILogger logger, string claimKey, int bytes);

    [LoggerMessage(EventId = 1191, Level = LogLevel.Warning, Message = "Turn {ClaimKey}: Lark refused the last segment's card (Lark code {Code}); it goes out as a post without feedback buttons")]
    public static partial void FeedbackCardRefused(ILogger logger, string claimKey, int code, Exception exception);
}
