using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ChatOps.TestKit.QCli;

/// <summary>A loopback Q CLI proxy speaking DESIGN 4.3: <c>POST /v1/chat</c> verified like the real one (v2 HMAC-SHA256
/// over method, path, timestamp and body, 300 s window, else 401), recorded, and answered from a script of <see cref="FakeQCliReply"/>s, else by
/// <see cref="DefaultReply"/>. Lines are flushed one by one so a client can be shown to stream.</summary>
public sealed class FakeQCliProxy : IAsyncDisposable
{
    public const string DefaultSecret = "test-qcli-proxy-secret";

    private readonly ConcurrentQueue<FakeQCliReply> _script = new();
    private readonly ConcurrentQueue<QCliRecordedRequest> _requests = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly SemaphoreSlim _received = new(0);
    private readonly string _secret;
    private readonly TimeProvider _time;
    private LoopbackServer _server = null!;
    private int _disconnects;

    private FakeQCliProxy(string secret, TimeProvider time)
    {
        _secret = secret;
        _time = time;
    }

    private readonly ConcurrentDictionary<string, FakeProposal> _proposals = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _results = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _executions = new();

    public Uri BaseAddress => _server.BaseAddress;

    /// <summary>Proposal ids actually executed, once each however often the execute endpoint was called.</summary>
    public IReadOnlyList<string> Executions => [.. _executions];

    /// <summary>The next execute calls' answers after running: 0 drops the connection (a lost response), any other number
    /// is that status without a body.</summary>
    public ConcurrentQueue<int> ExecuteFaults { get; } = new();

    private readonly ConcurrentDictionary<string, byte> _executeSignatures = new(StringComparer.Ordinal);

    /// <summary>The execution result JSON for a proposal; by default a created support case.</summary>
    public Func<FakeProposal, string> ExecuteResult { get; set; } = p => new System.Text.Json.Nodes.JsonObject
    {
        ["status"] = "done",
        ["summary"] = "Support case created for: " + p.Title,
        ["caseId"] = "case-123456789012-muen-2026-1",
        ["link"] = "https://console.aws.amazon.com/support/home#/case/?displayId=1",
        ["exitCode"] = null,
        ["output"] = null,
        ["executedAt"] = "2026-12-05T10:05:00+00:00",
    }.ToJsonString();

    /// <summary>Every request so far, in arrival order, including refused ones.</summary>
    public IReadOnlyList<QCliRecordedRequest> Requests => [.. _requests];

    /// <summary>False: requests are not kept in <see cref="Requests"/> (long benches keep the fake's memory flat).</summary>
    public bool KeepRequests { get; set; } = true;

    /// <summary>Requests whose signature was accepted.</summary>
    public IReadOnlyList<QCliRecordedRequest> Accepted => [.. _requests.Where(r => r.Accepted)];

    /// <summary>Streams whose client went away before the script ended.</summary>
    public int Disconnects => Volatile.Read(ref _disconnects);

    /// <summary>The answer when the script is empty; by default one chunk naming the prompt, then <c>done</c> 0.</summary>
    public Func<QCliRecordedRequest, FakeQCliReply> DefaultReply { get; set; } =
        r => FakeQCliReply.Chunks($"Fake answer to: {r.Prompt}\n").Done();

    public static async Task<FakeQCliProxy> StartAsync(string secret = DefaultSecret, TimeProvider? time = null)
    {
        var fake = new FakeQCliProxy(secret, time ?? TimeProvider.System);
        fake._server = await LoopbackServer.StartAsync(app =>
        {
            app.MapPost("/v1/chat", (HttpContext c) => fake.ChatAsync(c));
            app.MapPost("/v1/proposals/{id}/execute", (HttpContext c, string id) => fake.ExecuteAsync(c, id));
            app.MapGet("/healthz", () => Results.Ok(new { cli = "fake", version = "0.0.0" }));
        });
        return fake;
    }

    /// <summary>Queues answers for the next accepted requests, in order.</summary>
    public FakeQCliProxy Enqueue(params FakeQCliReply[] replies)
    {
        foreach (var reply in replies)
        {
            _script.Enqueue(reply);
        }
        return this;
    }

    /// <summary>Completes once <paramref name="count"/> requests have arrived in total.</summary>
    public async Task WaitForRequestsAsync(int count, CancellationToken cancellationToken = default)
    {
        while (_requests.Count < count)
        {
            await _received.WaitAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _server.DisposeAsync();
        _stopping.Dispose();
        _received.Dispose();
    }

    private async Task ChatAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        var bytes = body.ToArray();
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var problem = Verify(context, "/v1/chat", headers, bytes);
        var request = new QCliRecordedRequest(context.Request.Path, headers, bytes, problem);
        if (KeepRequests)
        {
            _requests.Enqueue(request);
            _received.Release();
        }
        if (problem is not null)
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }
        var reply = _script.TryDequeue(out var next) ? next : DefaultReply(request);
        foreach (var proposal in reply.Proposals)
        {
            _proposals[proposal.Id] = proposal;
        }
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
        try
        {
            await AnswerAsync(context, reply, linked.Token);
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException)
        {
            if (context.RequestAborted.IsCancellationRequested)
            {
                Interlocked.Increment(ref _disconnects);
            }
        }
    }

    private async Task ExecuteAsync(HttpContext context, string id)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        var bytes = body.ToArray();
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var problem = Verify(context, "/v1/proposals/" + Uri.EscapeDataString(id) + "/execute", headers, bytes);
        // As the real proxy's replay guard: a timestamp and body are spent once they have reached the proxy, however signed.
        var replayKey = headers.GetValueOrDefault("X-ChatOps-Timestamp") + ":" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(bytes));
        if (problem is null && !_executeSignatures.TryAdd(replayKey, 0))
        {
            problem = "replayed signature";
        }
        var request = new QCliRecordedRequest(context.Request.Path, headers, bytes, problem);
        _requests.Enqueue(request);
        _received.Release();
        if (problem is not null)
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }
        if (!_proposals.TryGetValue(id, out var proposal))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        var hash = (string?)request.Json["argumentsHash"];
        if (!string.Equals(hash, proposal.Hash, StringComparison.Ordinal))
        {
            context.Response.StatusCode = StatusCodes.Status409Conflict;
            return;
        }
        string result;
        lock (_results)
        {
            if (!_results.TryGetValue(id, out result!))
            {
                result = ExecuteResult(proposal);
                _results[id] = result;
                _executions.Enqueue(id);
            }
        }
        if (ExecuteFaults.TryDequeue(out var fault))
        {
            if (fault == 0)
            {
                // Ran, but the answer is lost on the way back.
                context.Abort();
                return;
            }
            context.Response.StatusCode = fault;
            return;
        }
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(result, context.RequestAborted);
    }

    // v2 over the method and the protocol path the request was routed to, as the real proxy checks it.
    private string? Verify(HttpContext context, string path, Dictionary<string, string> headers, byte[] body) =>
        QCliSignatureVerifier.Problem(
            _secret, context.Request.Method, path, headers.GetValueOrDefault("X-ChatOps-Timestamp"), headers.GetValueOrDefault("X-ChatOps-Signature"), body, _time.GetUtcNow());

    private static async Task AnswerAsync(HttpContext context, FakeQCliReply reply, CancellationToken cancellationToken)
    {
        if (reply.Status == -1)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        if (reply.Status is { } status)
        {
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(reply.StatusBody ?? string.Empty, cancellationToken);
            return;
        }
        context.Response.ContentType = "application/x-ndjson";
        await context.Response.StartAsync(cancellationToken);
        foreach (var step in reply.Steps)
        {
            switch (step.Kind)
            {
                case FakeQCliReply.StepKind.Line:
                    await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(step.Text + "\n"), cancellationToken);
                    await context.Response.Body.FlushAsync(cancellationToken);
                    break;
                case FakeQCliReply.StepKind.Pause:
                    await Task.Delay(step.Delay, cancellationToken);
                    break;
                case FakeQCliReply.StepKind.Gate:
                    await step.Gate!.WaitAsync(cancellationToken);
                    break;
                case FakeQCliReply.StepKind.Drop:
                    context.Abort();
                    return;
                case FakeQCliReply.StepKind.Hang:
                    await Task.Delay(Timeout.Infinite, cancellationToken);
                    break;
            }
        }
    }
}
