namespace ChatOps.LarkBotAdapter.Ingress;

// Log messages of this area; EventIds 1000–1099 (docs/ARCHITECTURE.md, "Logging").
internal static partial class Log
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Turn {ClaimKey} accepted")]
    public static partial void Accepted(ILogger logger, string claimKey);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Information, Message = "Turn {ClaimKey} already claimed; duplicate delivery acknowledged")]
    public static partial void Duplicate(ILogger logger, string claimKey);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Error, Message = "Turn {ClaimKey}: claim store unavailable; asking the platform to redeliver")]
    public static partial void ClaimUnavailable(ILogger logger, string claimKey, Exception exception);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Error, Message = "Turn {ClaimKey}: hand-off to the worker failed; claim released, asking the platform to redeliver")]
    public static partial void HandOffFailed(ILogger logger, string claimKey, Exception exception);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Error, Message = "Turn {ClaimKey}: claim could not be released; the redelivery will be taken for a duplicate")]
    public static partial void ReleaseFailed(ILogger logger, string claimKey, Exception exception);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Warning, Message = "Turn {ClaimKey}: thread not marked active; follow-ups without @ may be missed")]
    public static partial void ThreadNotMarked(ILogger logger, string claimKey, Exception exception);

    [LoggerMessage(EventId = 1007, Level = LogLevel.Information, Message = "Turn {ClaimKey}: asker told the message will be answered on redelivery")]
    public static partial void NoticePosted(ILogger logger, string claimKey);

    [LoggerMessage(EventId = 1008, Level = LogLevel.Warning, Message = "Turn {ClaimKey}: the state-store notice could not be posted")]
    public static partial void NoticeFailed(ILogger logger, string claimKey, Exception exception);

    [LoggerMessage(EventId = 1009, Level = LogLevel.Warning, Message = "Turn {ClaimKey}: no time left in the ack for the state-store notice")]
    public static partial void NoticeSkipped(ILogger logger, string claimKey);

    [LoggerMessage(EventId = 1010, Level = LogLevel.Warning, Message = "Turn {ClaimKey}: thread lookup failed; treated as not a bot thread")]
    public static partial void LookupFailed(ILogger logger, string claimKey, Exception exception);
}
