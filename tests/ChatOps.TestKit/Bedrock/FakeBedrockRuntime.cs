using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace ChatOps.TestKit.Bedrock;

/// <summary>A loopback Bedrock Runtime speaking the real wire format: it checks that requests carry SigV4
/// headers, records them, and answers from a script of <see cref="FakeBedrockOutcome"/>s, else with a
/// <c>classify_intent</c> tool call chosen by <see cref="Classifier"/>. Routes match on the end of the path,
/// so a base address with a prefix works too.</summary>
public sealed partial class FakeBedrockRuntime : IAsyncDisposable
{
    private readonly ConcurrentQueue<FakeBedrockOutcome> script = new();
    private readonly ConcurrentQueue<RecordedRequest> requests = new();
    private readonly CancellationTokenSource stopping = new();
    private readonly List<FakeRoute> routes = [];
    private readonly SemaphoreSlim received = new(0);
    private LoopbackServer server = null!;

    private FakeBedrockRuntime(Func<string, string>? classifier)
    {
        Classifier = classifier ?? (_ => "knowledge_base");
        // More operations (e.g. Agent Runtime RetrieveAndGenerate) are added here as further path routes.
        routes.Add(new FakeRoute(ConversePath(), HandleConverseAsync));
        routes.Add(new FakeRoute(ApplyGuardrailPath(), HandleApplyGuardrailAsync));
    }

    /// <summary>Decides ApplyGuardrail's answer from the text it checks; by default every text passes (<c>NONE</c>).</summary>
    public Func<string, FakeGuardrailVerdict> Guardrail { get; set; } = _ => FakeGuardrailVerdict.Pass;

    /// <summary>The ApplyGuardrail requests received so far (signed or not), in arrival order.</summary>
    public IReadOnlyList<RecordedRequest> GuardrailRequests =>
        [.. requests.Where(r => ApplyGuardrailPath().IsMatch(r.RawTarget.Split('?')[0]))];

    /// <summary>Where the fake listens, ending in <c>/</c>.</summary>
    public Uri BaseAddress => server.BaseAddress;

    /// <summary>Chooses the label of the default answer from the user's text (see <see cref="ConverseJson.UserText"/>).</summary>
    public Func<string, string> Classifier { get; set; }

    /// <summary>While set, every request beyond the script gets this outcome (a throttling storm, an outage, a stall);
    /// null restores the default answer.</summary>
    public FakeBedrockOutcome? Always { get; set; }

    /// <summary>Every request received so far, in arrival order, including rejected ones.</summary>
    public IReadOnlyList<RecordedRequest> Requests => [.. requests];

    /// <summary>False: requests are not kept in <see cref="Requests"/> (long benches keep the fake's memory flat).</summary>
    public bool KeepRequests { get; set; } = true;

    /// <summary>How long the default answer takes (a model's latency), cut short when the client goes away.</summary>
    public TimeSpan ResponseDelay { get; set; }

    /// <summary>Starts a fake on a free loopback port.</summary>
    public static async Task<FakeBedrockRuntime> StartAsync(Func<string, string>? classifier = null)
    {
        var fake = new FakeBedrockRuntime(classifier);
        fake.server = await LoopbackServer.StartAsync(app => app.Run(fake.HandleAsync)).ConfigureAwait(false);
        return fake;
    }

    /// <summary>Queues outcomes for the next requests, in order; requests beyond the script get the default answer.</summary>
    public FakeBedrockRuntime Enqueue(params FakeBedrockOutcome[] outcomes)
    {
        foreach (var outcome in outcomes)
        {
            script.Enqueue(outcome);
        }

        return this;
    }

    /// <summary>Completes once <paramref name="count"/> requests have arrived in total (lets tests act mid-request).</summary>
    public async Task WaitForRequestsAsync(int count, CancellationToken cancellationToken = default)
    {
        while (requests.Count < count)
        {
            await received.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync().ConfigureAwait(false);
        await server.DisposeAsync().ConfigureAwait(false);
        stopping.Dispose();
        received.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var rawTarget = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path.Value ?? "/";
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var request = new RecordedRequest(context.Request.Method, rawTarget, headers, body);
        if (KeepRequests)
        {
            requests.Enqueue(request);
            received.Release();
        }

        if (!IsSigned(request))
        {
            await WriteAsync(context, FakeBedrockOutcome.Error(403, "UnrecognizedClientException", "The security token included in the request is invalid.")).ConfigureAwait(false);
            return;
        }

        var path = rawTarget.Split('?')[0];
        var route = routes.FirstOrDefault(r => context.Request.Method == HttpMethods.Post && r.Path.IsMatch(path));
        if (route is null)
        {
            await WriteAsync(context, FakeBedrockOutcome.Error(404, "UnknownOperationException", "Unknown operation.")).ConfigureAwait(false);
            return;
        }

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping.Token);
        var outcome = script.TryDequeue(out var next) ? next : Always;
        var delay = outcome?.Delay ?? ResponseDelay;
        if (delay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(delay, linked.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        await (outcome is { Status: not null } ? WriteAsync(context, outcome) : route.Handle(context, request, outcome)).ConfigureAwait(false);
    }

    private Task HandleConverseAsync(HttpContext context, RecordedRequest request, FakeBedrockOutcome? outcome)
    {
        JsonNode json;
        try
        {
            json = request.BodyJson();
        }
        catch (System.Text.Json.JsonException)
        {
            return WriteAsync(context, FakeBedrockOutcome.ValidationError("Malformed input request, please reformat your input and try again."));
        }

        var label = outcome?.Label ?? Classifier(ConverseJson.UserText(json));
        return WriteAsync(context, FakeBedrockOutcome.Raw(200, ConverseJson.ClassifyAnswer(label)));
    }

    // ApplyGuardrail: source INPUT|OUTPUT and content[].text.text are required, as Bedrock checks them.
    private Task HandleApplyGuardrailAsync(HttpContext context, RecordedRequest request, FakeBedrockOutcome? outcome)
    {
        string text;
        try
        {
            var json = request.BodyJson();
            var source = json["source"]?.GetValue<string>();
            var content = json["content"]?.AsArray() ?? throw new InvalidOperationException("content is required.");
            if (source is not ("INPUT" or "OUTPUT") || content.Count == 0)
            {
                throw new InvalidOperationException("source and content are required.");
            }
            text = string.Join("\n", content.Select(c => c?["text"]?["text"]?.GetValue<string>() ?? throw new InvalidOperationException("text.text is required.")));
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or InvalidOperationException)
        {
            return WriteAsync(context, FakeBedrockOutcome.ValidationError("1 validation error detected: " + ex.Message));
        }

        var verdict = Guardrail(text);
        var answer = new JsonObject
        {
            ["usage"] = new JsonObject { ["contentPolicyUnits"] = 1, ["topicPolicyUnits"] = 1, ["wordPolicyUnits"] = 1 },
            ["action"] = verdict.Intervened ? "GUARDRAIL_INTERVENED" : "NONE",
            ["outputs"] = new JsonArray([.. verdict.Outputs.Select(o => (JsonNode)new JsonObject { ["text"] = o })]),
            ["assessments"] = new JsonArray(),
        };
        return WriteAsync(context, FakeBedrockOutcome.Raw(200, answer.ToJsonString()));
    }

    // Presence checks only: the signature itself is cross-checked against the official signer elsewhere.
    private static bool IsSigned(RecordedRequest request) =>
        request.Header("Authorization")?.StartsWith("AWS4-HMAC-SHA256 Credential=", StringComparison.Ordinal) == true
        && !string.IsNullOrEmpty(request.Header("X-Amz-Date"));

    private static async Task WriteAsync(HttpContext context, FakeBedrockOutcome outcome)
    {
        context.Response.StatusCode = outcome.Status ?? 200;
        context.Response.ContentType = "application/json";
        context.Response.Headers["x-amzn-RequestId"] = Guid.NewGuid().ToString();
        if (outcome.ErrorType is { } type)
        {
            context.Response.Headers["x-amzn-ErrorType"] = type + ":http://internal.amazon.com/coral/com.amazon.bedrock/";
        }

        await context.Response.WriteAsync(outcome.Body ?? string.Empty).ConfigureAwait(false);
    }

    [GeneratedRegex(@"/model/(?<modelId>[^/]+)/converse$")]
    private static partial Regex ConversePath();

    [GeneratedRegex(@"/guardrail/(?<id>[^/]+)/version/(?<version>[^/]+)/apply$")]
    private static partial Regex ApplyGuardrailPath();

    private sealed record FakeRoute(Regex Path, Func<HttpContext, RecordedRequest, FakeBedrockOutcome?, Task> Handle);
}
