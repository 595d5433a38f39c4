using System.Text.Json.Serialization;

namespace ChatOps.Contracts;

// Nulls are written unless a property says otherwise: the contract's awsProfile is present as null when no profile is chosen.
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(QCliChatRequest))]
[JsonSerializable(typeof(QCliStreamLine))]
[JsonSerializable(typeof(QCliProposal))]
[JsonSerializable(typeof(QCliExecuteRequest))]
[JsonSerializable(typeof(QCliExecuteResult))]
internal sealed partial class QCliProtocolJsonContext : JsonSerializerContext;
