using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace ChatOps.LarkBotAdapter.Secrets;

/// <summary>Secrets Manager <c>GetSecretValue</c> over the JSON 1.1 protocol, through a SigV4-signed client
/// (signing name <c>secretsmanager</c>).</summary>
internal sealed class SecretsManagerClient(HttpClient http)
{
    public const string SigningName = "secretsmanager";

    public const string Target = "secretsmanager.GetSecretValue";

    /// <summary>The secret's <c>SecretString</c>.</summary>
    /// <exception cref="PlatformSecretsException">Refused, not found, or a binary secret.</exception>
    public async Task<string> GetSecretStringAsync(string secretId, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new GetSecretValueRequest(secretId), SecretsManagerJsonContext.Default.GetSecretValueRequest);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-amz-json-1.1");
        request.Headers.Add("X-Amz-Target", Target);
        using var response = await http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var error = await ReadAsync(response, SecretsManagerJsonContext.Default.AwsJsonError, cancellationToken);
            var code = error?.Type is { Length: > 0 } type ? type[(type.LastIndexOf('#') + 1)..] : "no error code";
            // AWS error messages name the caller, the action and the resource, never the secret's content.
            throw new PlatformSecretsException(
                $"Secrets Manager GetSecretValue for '{secretId}' failed: HTTP {(int)response.StatusCode} {code}: {error?.Message ?? "no message"}");
        }
        var parsed = await ReadAsync(response, SecretsManagerJsonContext.Default.GetSecretValueResponse, cancellationToken);
        return parsed?.SecretString
               ?? throw new PlatformSecretsException($"The secret '{secretId}' has no SecretString: store the platform secrets as a JSON text secret.");
    }

    private static async Task<T?> ReadAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync(type, cancellationToken);
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or InvalidOperationException)
        {
            return default;
        }
    }
}
