using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace ChatOps.TestKit.Bedrock;

/// <summary>A loopback Bedrock Agent Runtime: RetrieveAndGenerateStream answers with real event-stream frames written
/// one at a time (flushed between frames), RetrieveAndGenerate with JSON. It checks SigV4 headers, records requests,
/// issues session ids and rejects ids it never issued (or has forgotten), rejects questions over 1,000 characters, and
/// answers from a script of <see cref="FakeKnowledgeOutcome"/>s, else with <see cref="DefaultAnswer"/>.</summary>
public sealed class FakeBedrockAgentRuntime : IAsyncDisposable
{
    /// <summary>The message of the fake's invalid-session <c>ValidationException</c>.</summary>
    public const string InvalidSessionMessage = "Session with the provided session ID is not valid or has expired. Start a new session without a session ID.";

    private readonly ConcurrentQueue<FakeKnowledgeOutcome> script = new();
    private readonly ConcurrentQueue<RecordedRequest> requests = new();
    private readonly ConcurrentDictionary<string, bool> sessions = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource stopping = new();
    private LoopbackServer server = null!;
    private int sessionCount;

    private FakeBedrockAgentRuntime()
    {
    }

    /// <summary>Where the fake listens, ending in <c>/</c>.</summary>
    public Uri BaseAddress => server.BaseAddress;

    /// <summary>The answer to requests beyond the script.</summary>
    public FakeKnowledgeAnswer DefaultAnswer { get; set; } = FakeKnowledgeAnswer.Default;

    /// <summary>Every request received so far, in arrival order, including rejected ones.</summary>
    public IReadOnlyList<RecordedRequest> Requests => [.. requests];

    /// <summary>False: requests are not kept in <see cref="Requests"/> (long benches keep the fake's memory flat).</summary>
    public bool KeepRequests { get; set; } = true;

    /// <summary>Session ids issued so far (and not forgotten).</summary>
    public IReadOnlyCollection<string> Sessions => [.. sessions.Keys];

    /// <summary>Starts a fake on a free loopback port.</summary>
    public static async Task<FakeBedrockAgentRuntime> StartAsync()
    {
        var fake = new FakeBedrockAgentRuntime();
        fake.server = await LoopbackServer.StartAsync(app => app.Run(fake.HandleAsync)).ConfigureAwait(false);
        return fake;
    }

    /// <summary>Queues outcomes for the next accepted requests, in order.</summary>
    public FakeBedrockAgentRuntime Enqueue(params FakeKnowledgeOutcome[] outcomes)
    {
        foreach (var outcome in outcomes)
        {
            script.Enqueue(outcome);
        }
        return this;
    }

    /// <summary>Forgets every issued session, as Bedrock does after 24 hours.</summary>
    public void ForgetSessions() => sessions.Clear();

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync().ConfigureAwait(false);
        await server.DisposeAsync().ConfigureAwait(false);
        stopping.Dispose();
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
        }

        if (request.Header("Authorization")?.StartsWith("AWS4-HMAC-SHA256 Credential=", StringComparison.Ordinal) != true
            || string.IsNullOrEmpty(request.Header("X-Amz-Date")))
        {
            await WriteErrorAsync(context, 403, "UnrecognizedClientException", "The security token included in the request is invalid.").ConfigureAwait(false);
            return;
        }
        var path = rawTarget.Split('?')[0];
        var streaming = path.EndsWith("/retrieveAndGenerateStream", StringComparison.Ordinal);
        if (context.Request.Method != HttpMethods.Post || (!streaming && !path.EndsWith("/retrieveAndGenerate", StringComparison.Ordinal)))
        {
            await WriteErrorAsync(context, 404, "UnknownOperationException", "Unknown operation.").ConfigureAwait(false);
            return;
        }
        JsonNode json;
        try
        {
            json = request.BodyJson();
        }
        catch (JsonException)
        {
            await WriteErrorAsync(context, 400, "ValidationException", "Malformed input request, please reformat your input and try again.").ConfigureAwait(false);
            return;
        }
        var problem = Validate(json);
        if (problem is not null)
        {
            await WriteErrorAsync(context, 400, "ValidationException", problem).ConfigureAwait(false);
            return;
        }
        var outcome = script.TryDequeue(out var next) ? next : FakeKnowledgeOutcome.Answering(DefaultAnswer);
        if (outcome.Status is { } status)
        {
            await WriteErrorAsync(context, status, outcome.ErrorType!, outcome.Message!).ConfigureAwait(false);
            return;
        }
        var sessionId = (string?)json["sessionId"] ?? "fake-kb-session-" + Interlocked.Increment(ref sessionCount);
        sessions[sessionId] = true;
        if (streaming)
        {
            await StreamAsync(context, outcome, sessionId).ConfigureAwait(false);
        }
        else
        {
            var answer = outcome.Answer!.Whole(sessionId, outcome.Guardrail ? "INTERVENED" : null);
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(answer.ToJsonString()).ConfigureAwait(false);
        }
    }

    private string? Validate(JsonNode json)
    {
        var text = (string?)json["input"]?["text"];
        var configuration = json["retrieveAndGenerateConfiguration"];
        if (text is null || (string?)configuration?["type"] != "KNOWLEDGE_BASE"
            || configuration["knowledgeBaseConfiguration"]?["knowledgeBaseId"] is null
            || configuration["knowledgeBaseConfiguration"]?["modelArn"] is null)
        {
            return "1 validation error detected: input.text, type, knowledgeBaseId and modelArn are required.";
        }
        if (text.Length > 1000)
        {
            return "1 validation error detected: Value at 'input.text' failed to satisfy constraint: Member must have length less than or equal to 1000";
        }
        return (string?)json["sessionId"] is { } session && !sessions.ContainsKey(session) ? InvalidSessionMessage : null;
    }

    private async Task StreamAsync(HttpContext context, FakeKnowledgeOutcome outcome, string sessionId)
    {
        context.Response.ContentType = "application/vnd.amazon.eventstream";
        context.Response.Headers["x-amzn-RequestId"] = Guid.NewGuid().ToString();
        context.Response.Headers["x-amzn-bedrock-knowledge-base-session-id"] = sessionId;
        await context.Response.StartAsync(context.RequestAborted).ConfigureAwait(false);
        var frames = new List<byte[]>();
        if (outcome.Guardrail)
        {
            frames.Add(EventStreamEncoder.Event("guardrail", """{"action":"INTERVENED"}"""));
        }
        frames.AddRange(outcome.Answer!.Frames());
        if (outcome.StreamException is { } failure)
        {
            frames = [.. frames.Take(failure.AfterFrames), EventStreamEncoder.Exception(failure.Type, ConverseJson.ErrorBody(failure.Message))];
        }
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping.Token);
        try
        {
            for (var i = 0; i < frames.Count; i++)
            {
                if (outcome.Pause is { } pause && pause.AfterFrames == i)
                {
                    await pause.Gate.WaitAsync(linked.Token).ConfigureAwait(false);
                }
                if (i > 0 && outcome.Answer!.FrameDelay > TimeSpan.Zero)
                {
                    await Task.Delay(outcome.Answer.FrameDelay, linked.Token).ConfigureAwait(false);
                }
                await context.Response.Body.WriteAsync(frames[i], linked.Token).ConfigureAwait(false);
                await context.Response.Body.FlushAsync(linked.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // The client went away (or the fake is stopping): nothing more to send.
        }
    }

    private static async Task WriteErrorAsync(HttpContext context, int status, string errorType, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        context.Response.Headers["x-amzn-RequestId"] = Guid.NewGuid().ToString();
        context.Response.Headers["x-amzn-ErrorType"] = errorType + ":http://internal.amazon.com/coral/com.amazon.bedrock/";
        await context.Response.WriteAsync(ConverseJson.ErrorBody(message)).ConfigureAwait(false);
    }
}
