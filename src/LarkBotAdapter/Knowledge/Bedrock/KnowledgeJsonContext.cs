using System.Text.Json.Serialization;

namespace ChatOps.LarkBotAdapter.Knowledge.Bedrock;

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(WireRequest))]
[JsonSerializable(typeof(WireAnswer))]
[JsonSerializable(typeof(WireOutput))]
[JsonSerializable(typeof(WireCitationEvent))]
[JsonSerializable(typeof(WireGuardrailEvent))]
[JsonSerializable(typeof(WireErrorEvent))]
internal sealed partial class KnowledgeJsonContext : JsonSerializerContext;
