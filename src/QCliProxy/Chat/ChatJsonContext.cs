using System.Text.Json.Serialization;

namespace ChatOps.QCliProxy.Chat;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(ChatRequest))]
[JsonSerializable(typeof(ChunkLine))]
[JsonSerializable(typeof(DoneLine))]
[JsonSerializable(typeof(ErrorLine))]
internal sealed partial class ChatJsonContext : JsonSerializerContext;
