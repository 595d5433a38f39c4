using System.Text.Json.Serialization;

namespace ChatOps.LarkBotAdapter.Secrets;

/// <summary>GetSecretValue request (Secrets Manager, JSON 1.1).</summary>
internal sealed record GetSecretValueRequest(string SecretId);

/// <summary>The part of the GetSecretValue answer the app uses; SecretBinary is not supported.</summary>
internal sealed record GetSecretValueResponse(string? SecretString, string? VersionId);

/// <summary>An AWS JSON-protocol error: <c>__type</c> (possibly <c>namespace#Code</c>) and a message.</summary>
internal sealed record AwsJsonError(
    [property: JsonPropertyName("__type")] string? Type,
    [property: JsonPropertyName("message")] string? Message);

[JsonSourceGenerationOptions(PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(GetSecretValueRequest))]
[JsonSerializable(typeof(GetSecretValueResponse))]
[JsonSerializable(typeof(AwsJsonError))]
internal sealed partial class SecretsManagerJsonContext : JsonSerializerContext;
