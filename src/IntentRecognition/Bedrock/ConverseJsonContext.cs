using System.Text.Json.Serialization;

namespace ChatOps.IntentRecognition.Bedrock;

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    PropertyNameCaseInsensitive = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ConverseRequest))]
[JsonSerializable(typeof(ConverseResponse))]
[JsonSerializable(typeof(AwsErrorBody))]
internal sealed partial class ConverseJsonContext : JsonSerializerContext;
