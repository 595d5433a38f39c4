using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatOps.IntentRecognition.Bedrock;

// Wire shapes of Bedrock Runtime Converse, limited to the fields the classifier sends and reads.

internal sealed record ConverseRequest(
    IReadOnlyList<SystemContentBlock> System,
    IReadOnlyList<ConverseMessage> Messages,
    InferenceConfiguration InferenceConfig,
    ToolConfiguration ToolConfig);

internal sealed record SystemContentBlock(string Text);

internal sealed record ConverseMessage(string Role, IReadOnlyList<ContentBlock> Content);

internal sealed record ContentBlock(string? Text = null, ToolUseBlock? ToolUse = null);

internal sealed record ToolUseBlock(string? ToolUseId, string? Name, JsonElement Input);

internal sealed record InferenceConfiguration(int MaxTokens, double Temperature);

internal sealed record ToolConfiguration(IReadOnlyList<ToolEntry> Tools, ToolChoice ToolChoice);

internal sealed record ToolEntry(ToolSpecification ToolSpec);

internal sealed record ToolSpecification(string Name, string Description, ToolInputSchema InputSchema);

internal sealed record ToolInputSchema(JsonSchemaObject Json);

internal sealed record JsonSchemaObject(
    string Type,
    IReadOnlyDictionary<string, JsonSchemaProperty> Properties,
    IReadOnlyList<string> Required);

internal sealed record JsonSchemaProperty(
    string Type,
    string Description,
    [property: JsonPropertyName("enum")] IReadOnlyList<string>? Enum = null,
    double? Minimum = null,
    double? Maximum = null);

internal sealed record ToolChoice(SpecificToolChoice Tool);

internal sealed record SpecificToolChoice(string Name);

internal sealed record ConverseResponse(ConverseOutput? Output, string? StopReason, ConverseUsage? Usage = null);

internal sealed record ConverseUsage(int InputTokens, int OutputTokens);

internal sealed record ConverseOutput(ConverseMessage? Message);
