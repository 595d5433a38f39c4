namespace ChatOps.LarkBotAdapter.ProxyClient;

// Log messages of this area; EventIds 5100–5199 (docs/ARCHITECTURE.md, "Logging").
internal static partial class Log
{
    [LoggerMessage(EventId = 5101, Level = LogLevel.Warning, Message = "Q CLI proxy not reachable (attempt {Attempt} of {Attempts}): {ErrorType} {Error}")]
    public static partial void ConnectFailed(ILogger logger, int attempt, int attempts, string errorType, string error);

    [LoggerMessage(EventId = 5102, Level = LogLevel.Warning, Message = "Q CLI proxy refused the request with HTTP {StatusCode}")]
    public static partial void Refused(ILogger logger, int statusCode);
}
