using System.Text.Json.Serialization;

namespace ChatOps.LarkBotAdapter.Secrets;

/// <summary>GetSecretValue request (Secrets Manager, JSON 1.1).</summary>
internal sealed record GetSecretValueRequest(string SecretId);

/// <summary>The part of the GetSecretValue answer the app uses; SecretBinary is not supported.</summary>
internal sealed record GetSecretValueResponse(string? SecretString, string? VersionId);

[JsonSourceGenerationOptions(PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(GetSecretValueRequest))]
[JsonSerializable(typeof(GetSecretValueResponse))]
internal sealed partial class SecretsManagerJsonContext : JsonSerializerContext;
