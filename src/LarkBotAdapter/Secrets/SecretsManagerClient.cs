using ChatOps.Aws;

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
        GetSecretValueResponse? parsed;
        try
        {
            parsed = await http.PostAwsJsonAsync(
                "/",
                new GetSecretValueRequest(secretId),
                SecretsManagerJsonContext.Default.GetSecretValueRequest,
                SecretsManagerJsonContext.Default.GetSecretValueResponse,
                cancellationToken,
                Target);
        }
        catch (AwsServiceException error)
        {
            // AWS error messages name the caller, the action and the resource, never the secret's content.
            throw new PlatformSecretsException(
                $"Secrets Manager GetSecretValue for '{secretId}' failed: HTTP {(int)error.StatusCode} {error.ErrorType ?? "no error code"}: {error.AwsMessage ?? "no message"}",
                error);
        }
        catch (InvalidDataException)
        {
            parsed = null;
        }
        return parsed?.SecretString
               ?? throw new PlatformSecretsException($"The secret '{secretId}' has no SecretString: store the platform secrets as a JSON text secret.");
    }
}
