namespace ChatOps.QCliProxy.Telemetry;

// Log messages of this area; EventIds 4100–4109 (docs/ARCHITECTURE.md, "Logging").
internal static partial class Log
{
    [LoggerMessage(EventId = 4100, Level = LogLevel.Warning,
        Message = "The CloudWatch agent's EMF endpoint {Endpoint} (AWS_EMF_AGENT_ENDPOINT) cannot be reached; metrics wait in a queue of {Capacity} lines, the oldest dropped, until it can ({Reason})")]
    public static partial void AgentUnreachable(ILogger logger, string endpoint, int capacity, string reason);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "The CloudWatch agent's EMF endpoint {Endpoint} is reachable again")]
    public static partial void AgentReachable(ILogger logger, string endpoint);
}
