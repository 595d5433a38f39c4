using ChatOps.TestKit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ChatOps.LarkBotAdapter.Tests.Faults;

/// <summary>A DynamoDB endpoint in front of dynalite that can fail on demand: while <see cref="Mode"/> is not
/// <see cref="DynamoOutageMode.None"/>, every call gets a 500 <c>InternalServerError</c> or has its connection reset.</summary>
internal sealed class DynamoOutage : IAsyncDisposable
{
    private static readonly HashSet<string> Forwarded = new(StringComparer.OrdinalIgnoreCase) { "Authorization", "X-Amz-Date", "X-Amz-Target", "X-Amz-Security-Token" };
    private readonly HttpClient _dynalite;
    private LoopbackServer _server = null!;
    private int _calls;

    private DynamoOutage(Uri dynalite) => _dynalite = new HttpClient { BaseAddress = dynalite };

    public DynamoOutageMode Mode { get; set; }

    /// <summary>Calls received while failing.</summary>
    public int FailedCalls => _calls;

    /// <summary>The value for <c>AWS_ENDPOINT_URL_DYNAMODB</c>.</summary>
    public Uri Endpoint => _server.BaseAddress;

    public static async Task<DynamoOutage> StartAsync(Uri dynalite)
    {
        var outage = new DynamoOutage(dynalite);
        outage._server = await LoopbackServer.StartAsync(app => app.Run(outage.HandleAsync));
        return outage;
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body);
        switch (Mode)
        {
            case DynamoOutageMode.ServerErrors:
                Interlocked.Increment(ref _calls);
                context.Response.StatusCode = StatusCodes.Status500InternalServerError;
                context.Response.ContentType = "application/x-amz-json-1.0";
                await context.Response.WriteAsync("""{"__type":"com.amazonaws.dynamodb.v20120810#InternalServerError","message":"Internal server error"}""");
                return;
            case DynamoOutageMode.ConnectionReset:
                Interlocked.Increment(ref _calls);
                context.Abort();
                return;
        }
        using var request = new HttpRequestMessage(HttpMethod.Post, "/") { Content = new ByteArrayContent(body.ToArray()) };
        request.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(context.Request.ContentType ?? "application/x-amz-json-1.0");
        foreach (var header in context.Request.Headers.Where(h => Forwarded.Contains(h.Key)))
        {
            request.Headers.TryAddWithoutValidation(header.Key, header.Value.ToString());
        }
        using var response = await _dynalite.SendAsync(request);
        context.Response.StatusCode = (int)response.StatusCode;
        context.Response.ContentType = response.Content.Headers.ContentType?.ToString();
        await context.Response.Body.WriteAsync(await response.Content.ReadAsByteArrayAsync());
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        _dynalite.Dispose();
    }
}
