using System.Text.Json.Serialization;

namespace ChatOps.LarkBotAdapter.Ingress;

public sealed record ChallengeResponse([property: JsonPropertyName("challenge")] string Challenge);

public sealed record ErrorResponse([property: JsonPropertyName("error")] string Error);

public sealed record AckResponse([property: JsonPropertyName("ok")] bool Ok = true);

public sealed record HealthResponse(
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("platforms")] IReadOnlyList<string> Platforms,
    [property: JsonPropertyName("worker")] string Worker);

[JsonSerializable(typeof(ChallengeResponse))]
[JsonSerializable(typeof(ErrorResponse))]
[JsonSerializable(typeof(AckResponse))]
[JsonSerializable(typeof(HealthResponse))]
internal sealed partial class HttpJsonContext : JsonSerializerContext;
