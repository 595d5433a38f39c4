using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Credentials;

namespace ChatOps.LarkBotAdapter.Aws;

/// <summary>Region, credentials and endpoints for AWS calls, read the way the AWS SDKs and CLI read them.</summary>
public sealed class AwsSettings(IConfiguration configuration)
{
    private readonly Lazy<AWSCredentials> _credentials = new(() => ResolveCredentials(configuration));

    /// <summary>The endpoint override for every service, checked after the service's own.</summary>
    public const string EndpointKey = "AWS_ENDPOINT_URL";

    /// <summary>The region when neither <c>AWS_REGION</c> nor <c>AWS_DEFAULT_REGION</c> is set.</summary>
    public const string DefaultRegion = "us-east-1";

    /// <summary>The region of the function itself (Lambda, DynamoDB).</summary>
    public string Region => Setting("AWS_REGION") ?? Setting("AWS_DEFAULT_REGION") ?? DefaultRegion;

    /// <summary>The region of Bedrock models and the knowledge base (may differ from the function's).</summary>
    public string BedrockRegion => Setting("BEDROCK_REGION") ?? Region;

    /// <summary>Credentials: explicit keys from configuration, else the SDK's default chain (env, profile, container, IMDS).</summary>
    public AWSCredentials Credentials => _credentials.Value;

    /// <summary>The endpoint for a service: <c>AWS_ENDPOINT_URL_{SERVICE}</c>, then <c>AWS_ENDPOINT_URL</c>, then the public one.</summary>
    /// <param name="serviceEnvSuffix">e.g. <c>BEDROCK_RUNTIME</c>.</param>
    /// <param name="hostPrefix">e.g. <c>bedrock-runtime</c>.</param>
    /// <param name="region">The region of the public endpoint.</param>
    public Uri Endpoint(string serviceEnvSuffix, string hostPrefix, string region) =>
        EndpointOverride(serviceEnvSuffix) ?? new Uri($"https://{hostPrefix}.{region}.amazonaws.com/");

    /// <summary>The configured endpoint for a service (<c>AWS_ENDPOINT_URL_{SERVICE}</c>, then <c>AWS_ENDPOINT_URL</c>),
    /// or null when the public endpoint applies.</summary>
    /// <param name="serviceEnvSuffix">e.g. <c>DYNAMODB</c>.</param>
    public Uri? EndpointOverride(string serviceEnvSuffix)
    {
        var value = Setting(EndpointKeyOf(serviceEnvSuffix)) ?? Setting(EndpointKey);
        if (value is null)
        {
            return null;
        }
        return Uri.TryCreate(value, UriKind.Absolute, out var uri)
            ? uri
            : throw new InvalidOperationException($"{EndpointKeyOf(serviceEnvSuffix)} (or {EndpointKey}) is not an absolute URL.");
    }

    /// <summary>The variable that overrides one service's endpoint, e.g. <c>AWS_ENDPOINT_URL_DYNAMODB</c>.</summary>
    public static string EndpointKeyOf(string serviceEnvSuffix) => $"{EndpointKey}_{serviceEnvSuffix}";

    /// <summary>The region as the signer wants it.</summary>
    public static RegionEndpoint RegionEndpointOf(string region) => RegionEndpoint.GetBySystemName(region);

    /// <summary>Credentials given as configuration keys, or null (then the SDK's default chain applies).</summary>
    public AWSCredentials? ExplicitCredentials => FromConfiguration(configuration);

    // Blank counts as unset, as for the AWS CLI.
    private string? Setting(string key) => configuration[key] is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

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
