namespace ChatOps.LarkBotAdapter.Channels.Lark.Live;

// Log messages of this area; EventIds 1300–1399 (docs/ARCHITECTURE.md, "Logging").
internal static partial class Log
{
    [LoggerMessage(EventId = 1301, Level = LogLevel.Warning, Message = "Lark app {AppId}: streaming cards unavailable (Lark code {Code}; is the cardkit:card:write scope granted?); answering with segmented posts from now on")]
    public static partial void CardsUnavailable(ILogger logger, string appId, int code, Exception exception);

    [LoggerMessage(EventId = 1302, Level = LogLevel.Warning, Message = "Turn {ClaimKey}: streaming card not started; this answer goes out as segmented posts")]
    public static partial void CardNotStarted(ILogger logger, string claimKey, Exception exception);

    [LoggerMessage(EventId = 1303, Level = LogLevel.Warning, Message = "Turn {ClaimKey}: a streaming card update failed; the next one carries the full text")]
    public static partial void UpdateFailed(ILogger logger, string claimKey, Exception exception);

    [LoggerMessage(EventId = 1304, Level = LogLevel.Information, Message = "Turn {ClaimKey}: card {CardId} of an earlier run cannot be re-opened (Lark code {Code}); a new card takes its place")]
    public static partial void CardNotReopened(ILogger logger, string claimKey, string cardId, int code);

    [LoggerMessage(EventId = 1305, Level = LogLevel.Warning, Message = "Turn {ClaimKey}: the feedback buttons could not be added to the finished card")]
    public static partial void FeedbackNotAdded(ILogger logger, string claimKey, Exception exception);
}
