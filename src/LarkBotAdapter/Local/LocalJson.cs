using System.Text.Json.Serialization;

namespace ChatOps.LarkBotAdapter.Local;

internal sealed record AskOutput(
    [property: JsonPropertyName("question")] string Question,
    [property: JsonPropertyName("intent")] string? Intent,
    [property: JsonPropertyName("source")] string? Source,
    [property: JsonPropertyName("confidence")] double? Confidence,
    [property: JsonPropertyName("segments")] IReadOnlyList<AskSegment> Segments);

internal sealed record AskSegment(
    [property: JsonPropertyName("index")] int Index,
    [property: JsonPropertyName("final")] bool Final,
    [property: JsonPropertyName("markdown")] string Markdown);

internal sealed record ClassifyOutput(
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("intent")] string Intent,
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("confidence")] double Confidence);

[JsonSourceGenerationOptions(WriteIndented = false)]
[JsonSerializable(typeof(AskOutput))]
[JsonSerializable(typeof(ClassifyOutput))]
internal sealed partial class LocalJsonContext : JsonSerializerContext;
