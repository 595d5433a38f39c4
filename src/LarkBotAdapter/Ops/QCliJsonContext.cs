using System.Text.Json.Serialization;

namespace ChatOps.LarkBotAdapter.Ops;

// Nulls are written: the contract's awsProfile is present as null when no profile is chosen.
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(QCliChatRequest))]
[JsonSerializable(typeof(QCliStreamLine))]
internal sealed partial class QCliJsonContext : JsonSerializerContext;
