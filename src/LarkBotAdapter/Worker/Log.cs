namespace ChatOps.LarkBotAdapter.Worker;

// Log messages of this area; EventIds 2000–2099 (docs/ARCHITECTURE.md, "Logging").
internal static partial class Log
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Turn {ClaimKey} classified {Intent} by {Source}")]
    public static partial void Classified(ILogger logger, string claimKey, string intent, string source);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Information, Message = "Turn {ClaimKey} does not address the bot; ignored")]
    public static partial void NotAddressed(ILogger logger, string claimKey);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Warning, Message = "Turn {ClaimKey}: route {Intent} failed; an error reply is posted")]
    public static partial void RouteFailed(ILogger logger, string claimKey, string intent, Exception exception);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Warning, Message = "Turn {ClaimKey}: thread context not saved")]
    public static partial void ContextNotSaved(ILogger logger, string claimKey, Exception exception);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Warning, Message = "Turn {ClaimKey}: thread context not loaded; answering without it")]
    public static partial void ContextNotLoaded(ILogger logger, string claimKey, Exception exception);

    [LoggerMessage(EventId = 2006, Level = LogLevel.Information, Message = "Turn {ClaimKey}: the message was recalled or its chat is gone; answer stopped")]
    public static partial void TargetGone(ILogger logger, string claimKey);

    [LoggerMessage(EventId = 2007, Level = LogLevel.Warning, Message = "Turn {ClaimKey}: posted-segment record unavailable; answering from the start, a retry may repeat segments")]
    public static partial void NotLoaded(ILogger logger, string claimKey, Exception exception);

    [LoggerMessage(EventId = 2008, Level = LogLevel.Warning, Message = "Turn {ClaimKey}: segment {Position} posted but not recorded; a retry may repeat it")]
    public static partial void NotRecorded(ILogger logger, string claimKey, int position, Exception exception);

    [LoggerMessage(EventId = 2009, Level = LogLevel.Warning, Message = "Turn {ClaimKey}: the thread started for the answer could not be marked active")]
    public static partial void ThreadNotMarked(ILogger logger, string claimKey, Exception exception);

    [LoggerMessage(EventId = 2010, Level = LogLevel.Information, Message = "Turn {ClaimKey}: its sender asked more than {Limit} questions this minute; asked to wait")]
    public static partial void Limited(ILogger logger, string claimKey, int limit);

    [LoggerMessage(EventId = 2011, Level = LogLevel.Warning, Message = "Turn {ClaimKey}: the question could not be counted; answered without the rate limit")]
    public static partial void CountFailed(ILogger logger, string claimKey, Exception exception);

    [LoggerMessage(EventId = 2020, Level = LogLevel.Information, Message = "Turn {ClaimKey}: reaction on the asker's message failed; the answer goes on")]
    public static partial void ReactionFailed(ILogger logger, string claimKey, Exception exception);

    [LoggerMessage(EventId = 2021, Level = LogLevel.Information, Message = "Turn {ClaimKey}: the live status could not be shown")]
    public static partial void StatusNotShown(ILogger logger, string claimKey, Exception exception);

    [LoggerMessage(EventId = 2022, Level = LogLevel.Information, Message = "Turn {ClaimKey}: another turn saved the thread first; merged and saving again (attempt {Attempt})")]
    public static partial void ContextConflict(ILogger logger, string claimKey, int attempt);

    [LoggerMessage(EventId = 2023, Level = LogLevel.Warning, Message = "Turn {ClaimKey}: thread context still contended after {Attempts} attempts; saved over it")]
    public static partial void ContextSavedOver(ILogger logger, string claimKey, int attempts);
}
