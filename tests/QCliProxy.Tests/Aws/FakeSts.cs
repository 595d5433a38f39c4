using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ChatOps.TestKit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ChatOps.QCliProxy.Tests.Aws;

/// <summary>A loopback STS answering AssumeRole (query protocol, XML) after checking the SigV4 signature against the fake
/// instance role's secret key. Each role's keys carry a call number, so a test can tell fresh keys from cached ones.</summary>
public sealed class FakeSts(Func<DateTimeOffset> now) : IAsyncDisposable
{
    private readonly ConcurrentQueue<StsCall> _calls = new();
    private LoopbackServer _server = null!;

    public Uri BaseAddress => _server.BaseAddress;

    public IReadOnlyList<StsCall> Calls => _calls.ToArray();

    /// <summary>Roles whose AssumeRole is answered 403 AccessDenied.</summary>
    public ConcurrentDictionary<string, bool> Denied { get; } = new(StringComparer.Ordinal);

    public static string AccessKeyIdOf(int call) => $"ASIAFAKESTS{call:D9}";

    public static string SecretOf(int call) => $"fake-sts-secret-{call:D4}-0123456789abcdef";

    public static async Task<FakeSts> StartAsync(Func<DateTimeOffset> now)
    {
        var fake = new FakeSts(now);
        fake._server = await LoopbackServer.StartAsync(app => app.MapPost("/", (Func<HttpContext, Task<IResult>>)fake.HandleAsync));
        return fake;
    }

    private async Task<IResult> HandleAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer);
        var body = buffer.ToArray();
        var form = QueryHelpersParse(Encoding.UTF8.GetString(body));
        var call = new StsCall(
            form.GetValueOrDefault("Action"), form.GetValueOrDefault("RoleArn"), form.GetValueOrDefault("RoleSessionName"),
            form.GetValueOrDefault("DurationSeconds"), form.GetValueOrDefault("ExternalId"),
            context.Request.Headers.Authorization.ToString(), context.Request.Headers["X-Amz-Security-Token"].ToString(),
            SigV4Check.Verify(context.Request, body, FakeInstanceMetadata.SecretAccessKey, "sts"));
        _calls.Enqueue(call);
        var number = _calls.Count;
        if (call.RoleArn is { } role && Denied.ContainsKey(role))
        {
            return Results.Text($"<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>not authorized to perform: sts:AssumeRole on resource: {role}</Message></Error><RequestId>r-{number}</RequestId></ErrorResponse>", "text/xml", statusCode: 403);
        }

        var expiration = now().AddSeconds(int.Parse(call.DurationSeconds ?? "3600", CultureInfo.InvariantCulture));
        return Results.Text(
            $"""
            <AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><AssumeRoleResult><Credentials>
            <AccessKeyId>{AccessKeyIdOf(number)}</AccessKeyId><SecretAccessKey>{SecretOf(number)}</SecretAccessKey>
            <SessionToken>fake-sts-token-{number}</SessionToken><Expiration>{expiration.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}</Expiration>
            </Credentials><AssumedRoleUser><Arn>{call.RoleArn}/{call.RoleSessionName}</Arn><AssumedRoleId>AROAFAKE:{call.RoleSessionName}</AssumedRoleId></AssumedRoleUser></AssumeRoleResult></AssumeRoleResponse>
            """, "text/xml");
    }

    private static Dictionary<string, string> QueryHelpersParse(string form) =>
        form.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=', 2))
            .ToDictionary(p => Uri.UnescapeDataString(p[0].Replace('+', ' ')), p => p.Length > 1 ? Uri.UnescapeDataString(p[1].Replace('+', ' ')) : "", StringComparer.Ordinal);

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
