using Microsoft.Extensions.Logging;

namespace ChatOps.IntentRecognition;

/// <summary>Log messages of this area; EventIds 8000–8099 (docs/ARCHITECTURE.md, "Logging").</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 8001, Level = LogLevel.Debug, Message = "Intent {Intent} (confidence {Confidence:0.00}) from {Source}")]
    public static partial void Classified(ILogger logger, string intent, double confidence, string source);

    [LoggerMessage(EventId = 8002, Level = LogLevel.Warning, Message = "Bedrock Converse failed with {StatusCode} {ErrorType}")]
    public static partial void BedrockFailed(ILogger logger, int statusCode, string? errorType);

    [LoggerMessage(EventId = 8003, Level = LogLevel.Warning, Message = "Bedrock answer not usable: {Problem}")]
    public static partial void Unparseable(ILogger logger, string problem);

    [LoggerMessage(EventId = 8004, Level = LogLevel.Warning, Message = "Primary classifier failed ({ExceptionType}, status {StatusCode}); using the local classifier")]
    public static partial void FallingBack(ILogger logger, string exceptionType, int? statusCode);

    [LoggerMessage(EventId = 8005, Level = LogLevel.Warning, Message = "The message names a classifier label: {Source}'s aws_ops not taken, the local classifier's {Intent} stands")]
    public static partial void SteeredAwayFromAwsOps(ILogger logger, string source, string intent);
}
