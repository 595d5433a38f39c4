namespace ChatOps.LarkBotAdapter.Secrets;

// Log messages of this area; EventIds 6000–6099 (docs/ARCHITECTURE.md, "Logging").
internal static partial class Log
{
    [LoggerMessage(EventId = 6002, Level = LogLevel.Warning, Message = "Re-reading the platform secret {SecretId}: {Reason}")]
    public static partial void Refreshing(ILogger logger, string secretId, string reason);

    [LoggerMessage(EventId = 6003, Level = LogLevel.Information, Message = "Platform secret {SecretId} re-read; changed: {Changed}")]
    public static partial void Refreshed(ILogger logger, string secretId, bool changed);

    [LoggerMessage(EventId = 6004, Level = LogLevel.Debug, Message = "Platform secret not re-read ({Reason}): it was read less than the refresh interval ago")]
    public static partial void RefreshSkipped(ILogger logger, string reason);

    [LoggerMessage(EventId = 6005, Level = LogLevel.Error, Message = "Re-reading the platform secret {SecretId} failed; the values in memory stay in use")]
    public static partial void RefreshFailed(ILogger logger, string secretId, Exception exception);
}
