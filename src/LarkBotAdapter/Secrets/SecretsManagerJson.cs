using System.Text.Json.Serialization;

namespace ChatOps.LarkBotAdapter.Secrets;

// GetSecretValue request (Secrets Manager, JSON 1.1).
internal sealed record GetSecretValueRequest(string SecretId);

// The part of the GetSecretValue answer the app uses; SecretBinary is not supported.
internal sealed record GetSecretValueResponse(string? SecretString, string? VersionId);

[JsonSourceGenerationOptions(PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(GetSecretValueRequest))]
[JsonSerializable(typeof(GetSecretValueResponse))]
internal sealed partial class SecretsManagerJsonContext : JsonSerializerContext;
