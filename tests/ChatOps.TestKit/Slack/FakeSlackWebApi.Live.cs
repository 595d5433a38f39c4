using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ChatOps.TestKit.Slack;

/// <summary>The live-answer methods of the fake Slack: <c>chat.startStream</c>, <c>chat.appendStream</c>,
/// <c>chat.stopStream</c>, <c>chat.update</c>, <c>assistant.threads.setStatus</c>, <c>reactions.add</c>/<c>remove</c>.
/// Bodies as Slack takes them (JSON, or a form whose <c>blocks</c> is a JSON string), <c>{ok:false,error}</c> on
/// refusal. Streaming is off unless a test turns it on (<see cref="StreamingAvailable"/>): <c>chat.startStream</c> then
/// answers <see cref="StreamRefusal"/>, as for a workspace or token that cannot stream.</summary>
public sealed partial class FakeSlackWebApi
{
    /// <summary>Slack's limit on one call's <c>markdown_text</c>, and on a markdown block.</summary>
    public const int MaxMarkdownChars = 12_000;

    private readonly List<FakeSlackStream> _streams = [];
    private readonly List<SlackReaction> _reactions = [];
    private readonly List<SlackStatus> _statuses = [];
    private readonly ConcurrentQueue<SlackFault> _streamFaults = new();
    private int _startStreamAttempts;

    /// <summary>Whether <c>chat.startStream</c> works. Off by default, so tests written for segmented posts keep them.</summary>
    public bool StreamingAvailable { get; set; }

    /// <summary>What <c>chat.startStream</c> answers while streaming is off.</summary>
    public string StreamRefusal { get; set; } = "unknown_method";

    /// <summary>What <c>assistant.threads.setStatus</c> answers; null for ok.</summary>
    public string? StatusRefusal { get; set; }

    public int StartStreamAttempts => _startStreamAttempts;

    public IReadOnlyList<FakeSlackStream> Streams
    {
        get
        {
            lock (_streams)
            {
                return _streams.ToArray();
            }
        }
    }

    public IReadOnlyList<SlackReaction> Reactions
    {
        get
        {
            lock (_reactions)
            {
                return _reactions.ToArray();
            }
        }
    }

    public IReadOnlyList<SlackStatus> Statuses
    {
        get
        {
            lock (_statuses)
            {
                return _statuses.ToArray();
            }
        }
    }

    public IReadOnlyList<FakeSlackStream> StreamsIn(string channel, string? threadTs = null) =>
        Streams.Where(s => s.Channel == channel && (threadTs is null || s.ThreadTs == threadTs)).ToArray();

    /// <summary>The next stream calls (start, append, stop) fail like this, in order.</summary>
    public void FailNextStreamCalls(params SlackFault[] faults)
    {
        foreach (var fault in faults)
        {
            _streamFaults.Enqueue(fault);
        }
    }

    /// <summary>Ends every open stream, as Slack does about five minutes after a stream started.</summary>
    public void EndOpenStreams()
    {
        foreach (var stream in Streams)
        {
            stream.Streaming = false;
        }
    }

    private static void MapLive(IEndpointRouteBuilder app, Func<FakeSlackWebApi> fake)
    {
        app.MapPost("/api/chat.startStream", (HttpContext c, CancellationToken _) => fake().StartStreamAsync(c));
        app.MapPost("/api/chat.appendStream", (HttpContext c, CancellationToken _) => fake().AppendStreamAsync(c));
        app.MapPost("/api/chat.stopStream", (HttpContext c, CancellationToken _) => fake().StopStreamAsync(c));
        app.MapPost("/api/chat.update", (HttpContext c, CancellationToken _) => fake().UpdateAsync(c));
        app.MapPost("/api/assistant.threads.setStatus", (HttpContext c, CancellationToken _) => fake().SetStatusAsync(c));
        app.MapPost("/api/reactions.add", (HttpContext c, CancellationToken _) => fake().ReactAsync(c, add: true));
        app.MapPost("/api/reactions.remove", (HttpContext c, CancellationToken _) => fake().ReactAsync(c, add: false));
    }

    private async Task<IResult> StartStreamAsync(HttpContext context)
    {
        Interlocked.Increment(ref _startStreamAttempts);
        if (await ArgumentsAsync(context) is not { } args)
        {
            return Error("invalid_auth");
        }
        if (!StreamingAvailable)
        {
            return Error(StreamRefusal);
        }
        if (StreamFault() is { } fault)
        {
            return Refuse(context, fault);
        }
        var (channel, threadTs, markdown) = (Arg(args, "channel"), Arg(args, "thread_ts"), Arg(args, "markdown_text") ?? "");
        var (user, team) = (Arg(args, "recipient_user_id"), Arg(args, "recipient_team_id"));
        if (string.IsNullOrEmpty(channel))
        {
            return Error("channel_not_found");
        }
        if (_refusedChannels.TryGetValue(channel, out var refused))
        {
            return Refuse(context, refused);
        }
        // Outside DMs Slack wants to know whom the stream answers.
        if (!channel.StartsWith('D') && (string.IsNullOrEmpty(user) || string.IsNullOrEmpty(team)))
        {
            return Error("invalid_arguments");
        }
        if (markdown.Length > MaxMarkdownChars)
        {
            return Error("msg_too_long");
        }
        var ts = NextTs();
        var stream = new FakeSlackStream(channel, ts, threadTs, user, team);
        stream.Show(markdown);
        lock (_streams)
        {
            _streams.Add(stream);
        }
        return Results.Json(new { ok = true, channel, ts });
    }

    private async Task<IResult> AppendStreamAsync(HttpContext context)
    {
        if (await ArgumentsAsync(context) is not { } args)
        {
            return Error("invalid_auth");
        }
        if (StreamFault() is { } fault)
        {
            return Refuse(context, fault);
        }
        var markdown = Arg(args, "markdown_text");
        if (Find(args) is not { } stream)
        {
            return Error("message_not_found");
        }
        if (string.IsNullOrEmpty(markdown))
        {
            return Error("no_text");
        }
        if (markdown.Length > MaxMarkdownChars)
        {
            return Error("msg_too_long");
        }
        lock (stream)
        {
            if (!stream.Streaming)
            {
                return Error("message_not_in_streaming_state");
            }
            stream.Appends++;
            stream.Show(stream.Text + markdown);
        }
        return Results.Json(new { ok = true, channel = stream.Channel, ts = stream.Ts });
    }

    private async Task<IResult> StopStreamAsync(HttpContext context)
    {
        if (await ArgumentsAsync(context) is not { } args)
        {
            return Error("invalid_auth");
        }
        if (StreamFault() is { } fault)
        {
            return Refuse(context, fault);
        }
        if (Find(args) is not { } stream)
        {
            return Error("message_not_found");
        }
        var blocks = args["blocks"] as JsonArray;
        if (args["blocks"] is not null && (blocks is null || blocks.Count > 50))
        {
            return Error("invalid_blocks");
        }
        lock (stream)
        {
            if (!stream.Streaming)
            {
                return Error("message_not_in_streaming_state");
            }
            if (Arg(args, "markdown_text") is { Length: > 0 } markdown)
            {
                stream.Show(stream.Text + markdown);
            }
            stream.Streaming = false;
            stream.Stops++;
            stream.Blocks = (JsonArray?)blocks?.DeepClone();
        }
        return Results.Json(new { ok = true, channel = stream.Channel, ts = stream.Ts });
    }

    // Edits a streamed message (what it shows becomes its markdown block) or records the edit of a posted one.
    private async Task<IResult> UpdateAsync(HttpContext context)
    {
        if (await ArgumentsAsync(context) is not { } args)
        {
            return Error("invalid_auth");
        }
        var blocks = args["blocks"] as JsonArray;
        var markdownBlock = blocks?.OfType<JsonObject>().FirstOrDefault(b => (string?)b["type"] == "markdown");
        var text = (string?)markdownBlock?["text"] ?? Arg(args, "markdown_text") ?? Arg(args, "text");
        if (string.IsNullOrEmpty(text) && blocks is null)
        {
            return Error("no_text");
        }
        if (markdownBlock is not null && ((string?)markdownBlock["text"] ?? "").Length > MaxMarkdownChars)
        {
            return Error("msg_too_long");
        }
        if (Find(args) is { } stream)
        {
            lock (stream)
            {
                if (stream.Streaming)
                {
                    // Slack finishes a stream with chat.stopStream; an edit meanwhile is refused here.
                    return Error("streaming_state_conflict");
                }
                stream.Updates++;
                stream.Blocks = (JsonArray?)blocks?.DeepClone();
                stream.Show(text ?? "");
            }
            return Results.Json(new { ok = true, channel = stream.Channel, ts = stream.Ts, text });
        }
        var (channel, ts) = (Arg(args, "channel"), Arg(args, "ts"));
        if (!Posts.Any(p => p.Ts == ts && p.Channel == channel))
        {
            return Error("message_not_found");
        }
        if (BlocksProblem(blocks?.ToJsonString()) is not null)
        {
            return Error("invalid_blocks");
        }
        RecordUpdate(channel!, ts!, Arg(args, "text"), blocks?.ToJsonString());
        return Results.Json(new { ok = true, channel, ts, text });
    }

    private async Task<IResult> SetStatusAsync(HttpContext context)
    {
        if (await ArgumentsAsync(context) is not { } args)
        {
            return Error("invalid_auth");
        }
        if (StatusRefusal is { } refusal)
        {
            return Error(refusal);
        }
        var (channel, threadTs, status) = (Arg(args, "channel_id"), Arg(args, "thread_ts"), Arg(args, "status"));
        if (string.IsNullOrEmpty(channel) || string.IsNullOrEmpty(threadTs) || status is null)
        {
            return Error("invalid_arguments");
        }
        lock (_statuses)
        {
            _statuses.Add(new SlackStatus(channel, threadTs, status));
        }
        return Results.Json(new { ok = true });
    }

    private async Task<IResult> ReactAsync(HttpContext context, bool add)
    {
        if (await ArgumentsAsync(context) is not { } args)
        {
            return Error("invalid_auth");
        }
        var (channel, ts, name) = (Arg(args, "channel"), Arg(args, "timestamp"), Arg(args, "name"));
        if (string.IsNullOrEmpty(channel) || string.IsNullOrEmpty(ts) || string.IsNullOrEmpty(name))
        {
            return Error("invalid_arguments");
        }
        lock (_reactions)
        {
            var current = _reactions.FirstOrDefault(r => r.Channel == channel && r.Ts == ts && r.Name == name && !r.Removed);
            if (add)
            {
                if (current is not null)
                {
                    return Error("already_reacted");
                }
                _reactions.Add(new SlackReaction(channel, ts, name));
            }
            else
            {
                if (current is null)
                {
                    return Error("no_reaction");
                }
                current.Removed = true;
            }
        }
        return Results.Json(new { ok = true });
    }

    // The call's arguments from a JSON body, or from a form (blocks as a JSON string); null when the token is wrong.
    private async Task<JsonObject?> ArgumentsAsync(HttpContext context)
    {
        if (!Authorized(context))
        {
            return null;
        }
        var contentType = context.Request.ContentType ?? "";
        if (contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return await JsonNode.ParseAsync(context.Request.Body) as JsonObject ?? [];
        }
        var args = new JsonObject();
        if (context.Request.HasFormContentType)
        {
            foreach (var (key, value) in await context.Request.ReadFormAsync())
            {
                args[key] = key is "blocks" or "chunks" ? ParseOrString(value.ToString()) : value.ToString();
            }
        }
        return args;
    }

    private static JsonNode? ParseOrString(string value)
    {
        try
        {
            return JsonNode.Parse(value);
        }
        catch (JsonException)
        {
            return value;
        }
    }

    private FakeSlackStream? Find(JsonObject args) =>
        Streams.FirstOrDefault(s => s.Ts == Arg(args, "ts") && s.Channel == Arg(args, "channel"));

    private SlackFault? StreamFault() => _streamFaults.TryDequeue(out var fault) ? fault : null;

    private string NextTs()
    {
        var n = Interlocked.Increment(ref _ts);
        return $"{n / 1_000_000}.{n % 1_000_000:D6}";
    }

    private static IResult Refuse(HttpContext context, SlackFault fault)
    {
        if (fault.RetryAfterSeconds is { } seconds)
        {
            context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        }
        return Results.Json(new { ok = false, error = fault.Error }, statusCode: fault.HttpStatus);
    }

    private static IResult Error(string error) => Results.Json(new { ok = false, error });

    private static string? Arg(JsonObject args, string name) =>
        args[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
