namespace ChatOps.LarkBotAdapter.Knowledge.Local;

// Log messages of this area; EventIds 7100–7199 (docs/ARCHITECTURE.md, "Logging").
internal static partial class Log
{
    [LoggerMessage(EventId = 7101, Level = LogLevel.Information,
        Message = "Local knowledge base loaded from {Folder}: {Documents} documents, {Chunks} passages, {Terms} terms in {ElapsedMs} ms")]
    public static partial void Loaded(ILogger logger, string folder, int documents, int chunks, int terms, long elapsedMs);

    [LoggerMessage(EventId = 7102, Level = LogLevel.Warning, Message = "Local knowledge base unavailable: {Problem}")]
    public static partial void Unavailable(ILogger logger, string problem);

    [LoggerMessage(EventId = 7103, Level = LogLevel.Warning, Message = "Local knowledge document {File} skipped")]
    public static partial void DocumentSkipped(ILogger logger, string file, Exception exception);

    [LoggerMessage(EventId = 7104, Level = LogLevel.Debug,
        Message = "Local knowledge answer: {Passages} passages, follow-up context {UsedContext}")]
    public static partial void Answered(ILogger logger, int passages, bool usedContext);
}
