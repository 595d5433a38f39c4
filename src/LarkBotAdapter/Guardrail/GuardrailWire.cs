using System.Text.Json.Serialization;

namespace ChatOps.LarkBotAdapter.Guardrail;

// ApplyGuardrail's request body: {"source":"OUTPUT","content":[{"text":{"text":"…"}}]}.
internal sealed record ApplyGuardrailRequest(
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("content")] IReadOnlyList<GuardrailContent> Content);

internal sealed record GuardrailContent([property: JsonPropertyName("text")] GuardrailText Text);

internal sealed record GuardrailText([property: JsonPropertyName("text")] string Text);

// The parts of ApplyGuardrail's answer the bot reads.
internal sealed record ApplyGuardrailResponse(
    [property: JsonPropertyName("action")] string? Action,
    [property: JsonPropertyName("outputs")] IReadOnlyList<GuardrailText>? Outputs);

[JsonSerializable(typeof(ApplyGuardrailRequest))]
[JsonSerializable(typeof(ApplyGuardrailResponse))]
internal sealed partial class GuardrailJsonContext : JsonSerializerContext;
