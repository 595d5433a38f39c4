using ChatOps.Aws;

namespace ChatOps.LarkBotAdapter.Secrets;

// Secrets Manager GetSecretValue over the JSON 1.1 protocol, through a SigV4-signed client
// (signing name secretsmanager).
internal sealed class SecretsManagerClient(HttpClient http)
{
    public const string SigningName = "secretsmanager";

    public const string Target = "secretsmanager.GetSecretValue";

    // The secret's SecretString.
    // Throws PlatformSecretsException: Refused, not found, or a binary secret.
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
