using System.Net.Http.Headers;
using System.Text.Json;
using ChatOps.QCliProxy.Configuration;

namespace ChatOps.QCliProxy.Aws;

// The instance role's keys from IMDSv2 (AWS_EC2_METADATA_SERVICE_ENDPOINT): a session token first, then the role's
// name and its keys. The proxy's user may reach it; the CLI's account is blocked by imds-block.sh.
internal sealed class InstanceMetadataClient(HttpClient http, ProxyOptions options)
{
    public const string TokenHeader = "X-aws-ec2-metadata-token";
    public const string TokenTtlHeader = "X-aws-ec2-metadata-token-ttl-seconds";
    private const string CredentialsPath = "latest/meta-data/iam/security-credentials/";

    // Throws HttpRequestException, InvalidDataException or JsonException; the vendor turns them into AwsCredentialsException.
    public async Task<AwsKeys> InstanceRoleKeysAsync(CancellationToken ct)
    {
        using var tokenRequest = new HttpRequestMessage(HttpMethod.Put, new Uri(options.MetadataEndpoint, "latest/api/token"));
        tokenRequest.Headers.Add(TokenTtlHeader, "300");
        var token = await SendAsync(tokenRequest, ct);
        var roles = await GetAsync(CredentialsPath, token, ct);
        var role = roles.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault()
            ?? throw new InvalidDataException("the instance has no IAM role (instance profile)");
        using var document = JsonDocument.Parse(await GetAsync(CredentialsPath + Uri.EscapeDataString(role), token, ct));
        var keys = document.RootElement;
        if (Text(keys, "Code") != "Success")
        {
            throw new InvalidDataException($"the instance role's credentials are not available (Code {Text(keys, "Code") ?? "missing"})");
        }

        return new AwsKeys(
            Text(keys, "AccessKeyId") ?? throw new InvalidDataException("no AccessKeyId in the instance role's credentials"),
            Text(keys, "SecretAccessKey") ?? throw new InvalidDataException("no SecretAccessKey in the instance role's credentials"),
            Text(keys, "Token") ?? throw new InvalidDataException("no Token in the instance role's credentials"),
            keys.TryGetProperty("Expiration", out var expiration) && expiration.TryGetDateTimeOffset(out var at) ? at : DateTimeOffset.MaxValue);
    }

    private async Task<string> GetAsync(string path, string token, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(options.MetadataEndpoint, path));
        request.Headers.Add(TokenHeader, token);
        return await SendAsync(request, ct);
    }

    private async Task<string> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/plain"));
        using var response = await http.SendAsync(request, ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"{request.Method} {request.RequestUri!.AbsolutePath} answered {(int)response.StatusCode}", null, response.StatusCode);
        }

        return await response.Content.ReadAsStringAsync(ct);
    }

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
