using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ChatOps.TestKit.Secrets;

/// <summary>A loopback AWS Secrets Manager answering <c>GetSecretValue</c> in the real JSON 1.1 wire format
/// (<c>POST /</c>, <c>X-Amz-Target: secretsmanager.GetSecretValue</c>, <c>application/x-amz-json-1.1</c>). It refuses
/// requests without a SigV4 <c>Authorization</c> for the <c>secretsmanager</c> service, records every call, and serves
/// secrets that a test can replace (rotation) at any time.</summary>
public sealed class FakeSecretsManager : IAsyncDisposable
{
    public const string Target = "secretsmanager.GetSecretValue";

    private readonly ConcurrentDictionary<string, string> _secrets = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _problems = new();
    private readonly ConcurrentQueue<string> _requestedIds = new();
    private LoopbackServer _server = null!;
    private int _versions;

    public Uri BaseAddress => _server.BaseAddress;

    /// <summary>Every SecretId asked for, in order (one per GetSecretValue call).</summary>
    public IReadOnlyList<string> RequestedIds => _requestedIds.ToArray();

    /// <summary>Requests that broke the protocol (unsigned, wrong target, wrong content type): empty when the app behaves.</summary>
    public IReadOnlyList<string> Problems => _problems.ToArray();

    public static async Task<FakeSecretsManager> StartAsync()
    {
        var fake = new FakeSecretsManager();
        fake._server = await LoopbackServer.StartAsync(app => app.MapPost("/", (Delegate)fake.HandleAsync));
        return fake;
    }

    /// <summary>Stores (or rotates) a secret whose SecretString is a JSON object of <paramref name="values"/>.</summary>
    public void Put(string secretId, IReadOnlyDictionary<string, string> values) =>
        PutString(secretId, new JsonObject(values.Select(v => KeyValuePair.Create(v.Key, (JsonNode?)JsonValue.Create(v.Value)))).ToJsonString());

    /// <summary>Stores (or rotates) a secret with any SecretString.</summary>
    public void PutString(string secretId, string secretString)
    {
        _secrets[secretId] = secretString;
        Interlocked.Increment(ref _versions);
    }

    private async Task<IResult> HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var authorization = request.Headers.Authorization.ToString();
        if (!authorization.StartsWith("AWS4-HMAC-SHA256 Credential=", StringComparison.Ordinal)
            || !authorization.Contains("/secretsmanager/aws4_request", StringComparison.Ordinal)
            || !authorization.Contains("SignedHeaders=", StringComparison.Ordinal) || !authorization.Contains("Signature=", StringComparison.Ordinal))
        {
            return Problem("request not SigV4-signed for secretsmanager", 403, "MissingAuthenticationTokenException");
        }
        if (request.Headers["X-Amz-Target"].ToString() != Target)
        {
            return Problem($"X-Amz-Target is '{request.Headers["X-Amz-Target"]}'", 400, "UnknownOperationException");
        }
        if (request.ContentType != "application/x-amz-json-1.1")
        {
            return Problem($"Content-Type is '{request.ContentType}'", 400, "SerializationException");
        }
        string? secretId;
        try
        {
            secretId = (await JsonNode.ParseAsync(request.Body))?["SecretId"]?.GetValue<string>();
        }
        catch (JsonException)
        {
            return Problem("body is not JSON", 400, "SerializationException");
        }
        if (string.IsNullOrEmpty(secretId))
        {
            return Problem("no SecretId", 400, "InvalidParameterException");
        }
        _requestedIds.Enqueue(secretId);
        if (!_secrets.TryGetValue(secretId, out var value))
        {
            return Error(400, "ResourceNotFoundException", "Secrets Manager can't find the specified secret.");
        }
        var body = new JsonObject
        {
            ["ARN"] = $"arn:aws:secretsmanager:us-east-1:123456789012:secret:{secretId}-AbCdEf",
            ["Name"] = secretId,
            ["SecretString"] = value,
            ["VersionId"] = $"v{Volatile.Read(ref _versions)}",
            ["VersionStages"] = new JsonArray("AWSCURRENT"),
            ["CreatedDate"] = 1.7e9,
        };
        return Results.Text(body.ToJsonString(), "application/x-amz-json-1.1");
    }

    private IResult Problem(string problem, int status, string type)
    {
        _problems.Enqueue(problem);
        return Error(status, type, problem);
    }

    private static IResult Error(int status, string type, string message) =>
        Results.Text(new JsonObject { ["__type"] = type, ["message"] = message }.ToJsonString(), "application/x-amz-json-1.1", statusCode: status);

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
