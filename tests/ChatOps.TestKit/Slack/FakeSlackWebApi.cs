using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ChatOps.TestKit.Slack;

/// <summary>A loopback Slack Web API: checks <c>Authorization: Bearer</c> on every call, answers <c>auth.test</c>,
/// records <c>chat.postMessage</c> (JSON or form body, as Slack accepts both), fails calls on request
/// (<see cref="FailNextPosts"/>: <c>{ok:false}</c>, 429 with Retry-After) or per channel (<see cref="RefuseChannel"/>),
/// and serves slash-command <c>response_url</c>s (at most 5 uses each, as Slack allows).</summary>
public sealed partial class FakeSlackWebApi : IAsyncDisposable
{
    public const string DefaultBotToken = "xoxb-fake";
    public const string DefaultBotUserId = "U0TESTBOT";
    public const string DefaultTeamId = "T0TEST";
    public const int MaxTextChars = 40_000;
    public const int ResponseUrlUses = 5;

    private readonly LoopbackServer _server;
    private readonly ConcurrentQueue<SlackFault> _faults = new();
    private readonly ConcurrentDictionary<string, SlackFault> _refusedChannels = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _responseUrlUses = new(StringComparer.Ordinal);
    private readonly List<SlackPost> _posts = [];
    private readonly List<SlackResponsePost> _responsePosts = [];
    private long _ts = 1_700_000_100_000_000;
    private int _postAttempts;
    private int _acceptBeforeFailing = -1;
    private SlackFault? _failAfter;

    private FakeSlackWebApi(LoopbackServer server) => _server = server;

    /// <summary>The value for <c>SLACK_API_BASE_URL</c>.</summary>
    public Uri ApiBaseUrl => new(_server.BaseAddress, "api/");

    public string BotToken { get; init; } = DefaultBotToken;

    public int PostAttempts => _postAttempts;

    public IReadOnlyList<SlackPost> Posts
    {
        get
        {
            lock (_posts)
            {
                return _posts.ToArray();
            }
        }
    }

    public IReadOnlyList<SlackResponsePost> ResponsePosts
    {
        get
        {
            lock (_responsePosts)
            {
                return _responsePosts.ToArray();
            }
        }
    }

    public static async Task<FakeSlackWebApi> StartAsync()
    {
        FakeSlackWebApi? fake = null;
        var server = await LoopbackServer.StartAsync(app =>
        {
            app.MapPost("/api/auth.test", (HttpContext c, CancellationToken _) => fake!.AuthTest(c));
            app.MapPost("/api/chat.postMessage", (HttpContext c, CancellationToken _) => fake!.PostMessageAsync(c));
            app.MapPost("/response/{id}", (HttpContext c, string id) => fake!.ResponseUrlAsync(c, id));
            MapLive(app, () => fake!);
        });
        fake = new FakeSlackWebApi(server);
        return fake;
    }

    /// <summary>The next <c>chat.postMessage</c> calls fail like this, in order (one fault per call).</summary>
    public void FailNextPosts(params SlackFault[] faults)
    {
        foreach (var fault in faults)
        {
            _faults.Enqueue(fault);
        }
    }

    /// <summary>Lets <paramref name="accepted"/> more posts through, then fails every post like this until
    /// <see cref="StopFailing"/> (a Slack outage in the middle of an answer).</summary>
    public void FailPostsAfter(int accepted, SlackFault fault)
    {
        _failAfter = fault;
        Volatile.Write(ref _acceptBeforeFailing, accepted);
    }

    public void StopFailing() => Volatile.Write(ref _acceptBeforeFailing, -1);

    /// <summary>Every post to <paramref name="channel"/> fails (e.g. <see cref="SlackFault.NotInChannel"/>).</summary>
    public void RefuseChannel(string channel, SlackFault fault) => _refusedChannels[channel] = fault;

    /// <summary>A fresh response_url on this fake.</summary>
    public Uri NewResponseUrl() => new(_server.BaseAddress, $"response/{Guid.NewGuid():N}");

    public IReadOnlyList<SlackPost> PostsIn(string channel, string? threadTs = null) =>
        Posts.Where(p => p.Channel == channel && (threadTs is null || p.ThreadTs == threadTs)).ToArray();

    private bool Authorized(HttpContext context) => context.Request.Headers.Authorization.ToString() == "Bearer " + BotToken;

    private IResult AuthTest(HttpContext context) =>
        Authorized(context)
            ? Results.Json(new { ok = true, url = "https://test.slack.invalid/", team = "Test", user = "chatops", team_id = DefaultTeamId, user_id = DefaultBotUserId, bot_id = "B0TESTBOT" })
            : Results.Json(new { ok = false, error = "invalid_auth" });

    private async Task<IResult> PostMessageAsync(HttpContext context)
    {
        Interlocked.Increment(ref _postAttempts);
        if (!Authorized(context))
        {
            return Results.Json(new { ok = false, error = "invalid_auth" });
        }
        var contentType = context.Request.ContentType ?? "";
        string? channel, text, threadTs, blocks = null;
        if (contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            using var doc = await JsonDocument.ParseAsync(context.Request.Body);
            channel = Str(doc.RootElement, "channel");
            text = Str(doc.RootElement, "text");
            threadTs = Str(doc.RootElement, "thread_ts");
            blocks = doc.RootElement.TryGetProperty("blocks", out var b) && b.ValueKind == JsonValueKind.Array ? b.GetRawText() : null;
        }
        else if (context.Request.HasFormContentType)
        {
            var form = await context.Request.ReadFormAsync();
            (channel, text, threadTs) = (form["channel"].ToString(), form["text"].ToString(), form["thread_ts"].ToString());
            threadTs = threadTs.Length == 0 ? null : threadTs;
            blocks = form["blocks"].ToString() is { Length: > 0 } formBlocks ? formBlocks : null;
        }
        else
        {
            return Results.Json(new { ok = false, error = "invalid_form_data" });
        }
        var fault = _faults.TryDequeue(out var queued) ? queued
            : channel is not null && _refusedChannels.TryGetValue(channel, out var refused) ? refused
            : OutageFault();
        if (fault is not null)
        {
            if (fault.RetryAfterSeconds is { } seconds)
            {
                context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            }
            return Results.Json(new { ok = false, error = fault.Error }, statusCode: fault.HttpStatus);
        }
        if (string.IsNullOrEmpty(channel))
        {
            return Results.Json(new { ok = false, error = "channel_not_found" });
        }
        if (string.IsNullOrEmpty(text))
        {
            return Results.Json(new { ok = false, error = "no_text" });
        }
        if (text.Length > MaxTextChars)
        {
            return Results.Json(new { ok = false, error = "msg_too_long" });
        }
        if (BlocksProblem(blocks) is { } problem)
        {
            return Results.Json(new { ok = false, error = "invalid_blocks", errors = new[] { problem } });
        }
        var n = Interlocked.Increment(ref _ts);
        var ts = $"{n / 1_000_000}.{n % 1_000_000:D6}";
        Remember(channel, ts, text, blocks);
        lock (_posts)
        {
            _posts.Add(new SlackPost(channel, text, threadTs, ts, contentType, DateTimeOffset.UtcNow, blocks));
        }
        return Results.Json(new { ok = true, channel, ts, message = new { text, ts, thread_ts = threadTs } });
    }

    private async Task<IResult> ResponseUrlAsync(HttpContext context, string id)
    {
        if (_responseUrlUses.AddOrUpdate(id, 1, (_, n) => n + 1) > ResponseUrlUses)
        {
            return Results.Json(new { ok = false, error = "used_url" }, statusCode: 404);
        }
        using var doc = await JsonDocument.ParseAsync(context.Request.Body);
        lock (_responsePosts)
        {
            _responsePosts.Add(new SlackResponsePost(id, Str(doc.RootElement, "response_type"), Str(doc.RootElement, "text") ?? "")
            {
                ReplaceOriginal = doc.RootElement.TryGetProperty("replace_original", out var replace) && replace.ValueKind is JsonValueKind.True or JsonValueKind.False
                    ? replace.GetBoolean()
                    : null,
            });
        }
        return Results.Text("ok");
    }

    private SlackFault? OutageFault()
    {
        while (true)
        {
            var left = Volatile.Read(ref _acceptBeforeFailing);
            if (left < 0)
            {
                return null;
            }
            if (left == 0)
            {
                return _failAfter;
            }
            if (Interlocked.CompareExchange(ref _acceptBeforeFailing, left - 1, left) == left)
            {
                return null;
            }
        }
    }

    private static string? Str(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
