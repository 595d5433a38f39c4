using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Credentials;

namespace ChatOps.LarkBotAdapter.Aws;

/// <summary>Region, credentials and endpoints for AWS calls, read the way the AWS SDKs and CLI read them.</summary>
public sealed class AwsSettings(IConfiguration configuration)
{
    private readonly Lazy<AWSCredentials> _credentials = new(() => ResolveCredentials(configuration));

    /// <summary>The region of the function itself (Lambda, DynamoDB).</summary>
    public string Region => configuration["AWS_REGION"] ?? configuration["AWS_DEFAULT_REGION"] ?? "us-east-1";

    /// <summary>The region of Bedrock models and the knowledge base (may differ from the function's).</summary>
    public string BedrockRegion => configuration["BEDROCK_REGION"] ?? Region;

    /// <summary>Credentials: explicit keys from configuration, else the SDK's default chain (env, profile, container, IMDS).</summary>
    public AWSCredentials Credentials => _credentials.Value;

    /// <summary>The endpoint for a service: <c>AWS_ENDPOINT_URL_{SERVICE}</c>, then <c>AWS_ENDPOINT_URL</c>, then the public one.</summary>
    /// <param name="serviceEnvSuffix">e.g. <c>BEDROCK_RUNTIME</c>.</param>
    /// <param name="hostPrefix">e.g. <c>bedrock-runtime</c>.</param>
    /// <param name="region">The region of the public endpoint.</param>
    public Uri Endpoint(string serviceEnvSuffix, string hostPrefix, string region)
    {
        var value = configuration[$"AWS_ENDPOINT_URL_{serviceEnvSuffix}"] ?? configuration["AWS_ENDPOINT_URL"];
        if (!string.IsNullOrWhiteSpace(value))
        {
            if (!Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri))
            {
                throw new InvalidOperationException($"AWS_ENDPOINT_URL_{serviceEnvSuffix} (or AWS_ENDPOINT_URL) is not an absolute URL.");
            }
            return uri;
        }
        return new Uri($"https://{hostPrefix}.{region}.amazonaws.com/");
    }

    /// <summary>The region as the signer wants it.</summary>
    public static RegionEndpoint RegionEndpointOf(string region) => RegionEndpoint.GetBySystemName(region);

    /// <summary>Credentials given as configuration keys, or null (then the SDK's default chain applies).</summary>
    public AWSCredentials? ExplicitCredentials => FromConfiguration(configuration);

    private static AWSCredentials ResolveCredentials(IConfiguration configuration) =>
        FromConfiguration(configuration) ?? DefaultAWSCredentialsIdentityResolver.GetCredentials(null);

    private static AWSCredentials? FromConfiguration(IConfiguration configuration)
    {
        var keyId = configuration["AWS_ACCESS_KEY_ID"];
        var secret = configuration["AWS_SECRET_ACCESS_KEY"];
        if (!string.IsNullOrEmpty(keyId) && !string.IsNullOrEmpty(secret))
        {
            var token = configuration["AWS_SESSION_TOKEN"];
            return string.IsNullOrEmpty(token)
                ? new BasicAWSCredentials(keyId, secret)
                : new SessionAWSCredentials(keyId, secret, token);
        }
        return null;
    }
}
