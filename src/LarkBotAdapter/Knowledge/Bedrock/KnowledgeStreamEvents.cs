using System.Net;
using System.Text.Json;
using Amazon.Runtime.EventStreams;
using ChatOps.Aws;

namespace ChatOps.LarkBotAdapter.Knowledge.Bedrock;

// Turns RetrieveAndGenerateStream event-stream messages into KnowledgeEvents.
internal static class KnowledgeStreamEvents
{
    // The event, or null for event types this route does not use.
    // Throws AwsServiceException: An exception or error message.
    // Throws InvalidDataException: A payload that is not the JSON its type promises.
    public static KnowledgeEvent? Parse(EventStreamMessage message)
    {
        var payload = message.Payload ?? [];
        try
        {
            switch (Header(message, ":message-type"))
            {
                case "event":
                    return Header(message, ":event-type") switch
                    {
                        "output" => KnowledgeEvent.Output(JsonSerializer.Deserialize(payload, KnowledgeJsonContext.Default.WireOutput)?.Text ?? string.Empty),
                        "citation" => KnowledgeEvent.Cited(KnowledgeWire.Citation(
                            JsonSerializer.Deserialize(payload, KnowledgeJsonContext.Default.WireCitationEvent) ?? new WireCitationEvent(null, null, null))),
                        "guardrail" => KnowledgeEvent.Guardrail(
                            JsonSerializer.Deserialize(payload, KnowledgeJsonContext.Default.WireGuardrailEvent)?.Action ?? string.Empty),
                        _ => null,
                    };
                case "exception":
                    var type = PascalCase(Header(message, ":exception-type") ?? "UnknownException");
                    var error = payload.Length == 0 ? null : JsonSerializer.Deserialize(payload, KnowledgeJsonContext.Default.WireErrorEvent);
                    throw new AwsServiceException(StatusOf(type), type, error?.Message);
                case "error":
                    throw new AwsServiceException(HttpStatusCode.InternalServerError, Header(message, ":error-code"), Header(message, ":error-message"));
                default:
                    return null;
            }
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException("An event-stream payload is not the JSON its event type promises.", ex);
        }
    }

    // The HTTP status the service model gives each exception, so transient ones read as transient.
    public static HttpStatusCode StatusOf(string errorType) => errorType switch
    {
        "ThrottlingException" => HttpStatusCode.TooManyRequests,
        "AccessDeniedException" => HttpStatusCode.Forbidden,
        "ResourceNotFoundException" => HttpStatusCode.NotFound,
        "ConflictException" => HttpStatusCode.Conflict,
        "DependencyFailedException" => HttpStatusCode.FailedDependency,
        "BadGatewayException" => HttpStatusCode.BadGateway,
        "ServiceUnavailableException" => HttpStatusCode.ServiceUnavailable,
        "ValidationException" or "ServiceQuotaExceededException" => HttpStatusCode.BadRequest,
        _ => HttpStatusCode.InternalServerError,
    };

    // Stream members are camelCase ("throttlingException"); error types elsewhere are PascalCase.
    private static string PascalCase(string name) => name.Length == 0 ? name : char.ToUpperInvariant(name[0]) + name[1..];

    private static string? Header(EventStreamMessage message, string name) =>
        message.Headers is { } headers && headers.TryGetValue(name, out var header) ? header.AsString() : null;
}
