using System.Collections.Concurrent;
using System.Text.Json;
using ChatOps.TestKit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ChatOps.QCliProxy.Tests.Aws;

/// <summary>A loopback IMDSv2: PUT /latest/api/token needs the TTL header; the credential paths need the token it gave.</summary>
public sealed class FakeInstanceMetadata : IAsyncDisposable
{
    public const string Role = "ChatOpsProxyInstanceRole";
    public const string AccessKeyId = "ASIAFAKEINSTANCEKEY1";
    public const string SecretAccessKey = "fake-instance-secret-key-0123456789abcdef";
    public const string SessionToken = "fake-instance-session-token-0123456789";
    private const string Token = "fake-imds-token-abc";

    private readonly ConcurrentQueue<string> _calls = new();
    private LoopbackServer _server = null!;

    public Uri BaseAddress => _server.BaseAddress;

    /// <summary>Each call as "METHOD path token-ok|no-token|ttl".</summary>
    public IReadOnlyList<string> Calls => _calls.ToArray();

    public static async Task<FakeInstanceMetadata> StartAsync()
    {
        var fake = new FakeInstanceMetadata();
        fake._server = await LoopbackServer.StartAsync(app =>
        {
            app.MapPut("/latest/api/token", (Func<HttpContext, IResult>)fake.TokenFor);
            app.MapGet("/latest/meta-data/iam/security-credentials/", (Func<HttpContext, IResult>)(c => fake.Authorized(c, Role)));
            app.MapGet("/latest/meta-data/iam/security-credentials/{role}", (Func<HttpContext, IResult>)(c => fake.Authorized(c, JsonSerializer.Serialize(new
            {
                Code = "Success", Type = "AWS-HMAC", AccessKeyId, SecretAccessKey, Token = SessionToken,
                Expiration = DateTimeOffset.UtcNow.AddHours(6).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture),
            }))));
        });
        return fake;
    }

    private IResult TokenFor(HttpContext context)
    {
        var ttl = context.Request.Headers["X-aws-ec2-metadata-token-ttl-seconds"].ToString();
        _calls.Enqueue($"PUT {context.Request.Path} ttl={ttl}");
        return int.TryParse(ttl, out var seconds) && seconds is >= 1 and <= 21600 ? Results.Text(Token) : Results.StatusCode(400);
    }

    private IResult Authorized(HttpContext context, string body)
    {
        var ok = context.Request.Headers["X-aws-ec2-metadata-token"].ToString() == Token;
        _calls.Enqueue($"GET {context.Request.Path} {(ok ? "token-ok" : "no-token")}");
        return ok ? Results.Text(body) : Results.StatusCode(401);
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
