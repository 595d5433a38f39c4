using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ChatOps.TestKit.Fleet;

/// <summary>
/// A small stand-in for the internal ALB: each request goes to the next backend in turn and is streamed back as it
/// arrives. Like the ALB, a backend that cannot be reached is a 502, and a backend that breaks mid-response breaks the
/// client's connection too. <see cref="Served"/> records which backend (0-based) took each request.
/// </summary>
public sealed class RoundRobinBalancer : IAsyncDisposable
{
    private static readonly string[] Forwarded = ["X-ChatOps-Timestamp", "X-ChatOps-Signature", "X-ChatOps-Protocol", "Accept"];

    private readonly IReadOnlyList<Uri> _backends;
    private readonly HttpClient _http = new(new SocketsHttpHandler { AllowAutoRedirect = false }) { Timeout = Timeout.InfiniteTimeSpan };
    private readonly List<(string Path, int Backend)> _served = [];
    private LoopbackServer? _server;
    private int _next = -1;

    private RoundRobinBalancer(IReadOnlyList<Uri> backends) => _backends = backends;

    public Uri BaseAddress => _server!.BaseAddress;

    public IReadOnlyList<(string Path, int Backend)> Served
    {
        get
        {
            lock (_served)
            {
                return [.. _served];
            }
        }
    }

    public static async Task<RoundRobinBalancer> StartAsync(IReadOnlyList<Uri> backends)
    {
        var balancer = new RoundRobinBalancer(backends);
        balancer._server = await LoopbackServer.StartAsync(app => app.Run(balancer.ForwardAsync));
        return balancer;
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        _http.Dispose();
    }

    private async Task ForwardAsync(HttpContext context)
    {
        var backend = (int)((uint)Interlocked.Increment(ref _next) % (uint)_backends.Count);
        lock (_served)
        {
            _served.Add((context.Request.Path.Value ?? "/", backend));
        }

        using var request = await RequestAsync(context, _backends[backend]);
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, context.RequestAborted);
        }
        catch (HttpRequestException)
        {
            context.Response.StatusCode = StatusCodes.Status502BadGateway;
            return;
        }

        using (response)
        {
            context.Response.StatusCode = (int)response.StatusCode;
            foreach (var header in response.Headers.Concat(response.Content.Headers).Where(h => h.Key is not ("Transfer-Encoding" or "Content-Length")))
            {
                context.Response.Headers[header.Key] = header.Value.ToArray();
            }

            await CopyAsync(context, response);
        }
    }

    private static async Task<HttpRequestMessage> RequestAsync(HttpContext context, Uri backend)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        var target = new Uri(backend, context.Request.Path.Value + context.Request.QueryString.Value);
        var request = new HttpRequestMessage(new HttpMethod(context.Request.Method), target);
        if (body.Length > 0 || context.Request.ContentType is not null)
        {
            request.Content = new ByteArrayContent(body.ToArray());
            if (context.Request.ContentType is { } type)
            {
                request.Content.Headers.TryAddWithoutValidation("Content-Type", type);
            }
        }

        foreach (var name in Forwarded.Where(n => context.Request.Headers.ContainsKey(n)))
        {
            request.Headers.TryAddWithoutValidation(name, context.Request.Headers[name].ToArray());
        }

        return request;
    }

    // Streams the backend's body; when the backend breaks, the client's connection is aborted rather than ended cleanly.
    private static async Task CopyAsync(HttpContext context, HttpResponseMessage response)
    {
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(context.RequestAborted);
            var buffer = new byte[8192];
            int read;
            while ((read = await stream.ReadAsync(buffer, context.RequestAborted)) > 0)
            {
                await context.Response.Body.WriteAsync(buffer.AsMemory(0, read), context.RequestAborted);
                await context.Response.Body.FlushAsync(context.RequestAborted);
            }
        }
        catch (Exception e) when (e is IOException or HttpRequestException)
        {
            context.Abort();
        }
    }
}
