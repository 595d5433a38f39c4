using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Credentials;

namespace ChatOps.LarkBotAdapter.Aws;

// Region, credentials and endpoints for AWS calls, read the way the AWS SDKs and CLI read them.
public sealed class AwsSettings(IConfiguration configuration)
{
    private readonly Lazy<AWSCredentials> _credentials = new(() => ResolveCredentials(configuration));

    // The endpoint override for every service, checked after the service's own.
    public const string EndpointKey = "AWS_ENDPOINT_URL";

    // The region when neither AWS_REGION nor AWS_DEFAULT_REGION is set.
    public const string DefaultRegion = "us-east-1";

    // The region of the function itself (Lambda, DynamoDB).
    public string Region => Setting("AWS_REGION") ?? Setting("AWS_DEFAULT_REGION") ?? DefaultRegion;

    // The region of Bedrock models and the knowledge base (may differ from the function's).
    public string BedrockRegion => Setting("BEDROCK_REGION") ?? Region;

    // Credentials: explicit keys from configuration, else the SDK's default chain (env, profile, container, IMDS).
    public AWSCredentials Credentials => _credentials.Value;

    // The endpoint for a service: AWS_ENDPOINT_URL_{SERVICE}, then AWS_ENDPOINT_URL, then the public one.
    // serviceEnvSuffix: e.g. BEDROCK_RUNTIME.
    // hostPrefix: e.g. bedrock-runtime.
    // region: The region of the public endpoint.
    public Uri Endpoint(string serviceEnvSuffix, string hostPrefix, string region) =>
        EndpointOverride(serviceEnvSuffix) ?? new Uri($"https://{hostPrefix}.{region}.amazonaws.com/");

    // The configured endpoint for a service (AWS_ENDPOINT_URL_{SERVICE}, then AWS_ENDPOINT_URL),
    // or null when the public endpoint applies.
    // serviceEnvSuffix: e.g. DYNAMODB.
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

    // The variable that overrides one service's endpoint, e.g. AWS_ENDPOINT_URL_DYNAMODB.
    public static string EndpointKeyOf(string serviceEnvSuffix) => $"{EndpointKey}_{serviceEnvSuffix}";

    // The region as the signer wants it.
    public static RegionEndpoint RegionEndpointOf(string region) => RegionEndpoint.GetBySystemName(region);

    // Credentials given as configuration keys, or null (then the SDK's default chain applies).
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
