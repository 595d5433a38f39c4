using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ChatOps.TestKit.Lark;

/// <summary>A loopback Lark Open API: issues tenant tokens for known apps, checks the bearer token on every call,
/// answers <c>bot/v3/info</c>, and records thread replies — honouring <c>uuid</c> like Lark (one message per uuid).</summary>
public sealed partial class FakeLarkOpenApi : IAsyncDisposable
{
    private readonly LoopbackServer _server;
    private readonly ConcurrentDictionary<string, string> _secrets = new();
    private readonly ConcurrentDictionary<string, string> _botOpenIds = new();
    private readonly ConcurrentDictionary<string, string> _tokens = new();
    private readonly ConcurrentDictionary<string, string> _uuids = new();
    private readonly ConcurrentQueue<LarkFault> _replyFaults = new();
    private readonly ConcurrentQueue<LarkFault> _tokenFaults = new();
    private readonly List<LarkReply> _replies = [];
    private int _tokenRequests;
    private int _replyAttempts;
    private int _botInfoRequests;
    private int _repeatedUuids;

    /// <summary>Lark's limit on a text/post message request body.</summary>
    public const int MaxRequestBytes = 30 * 1024;

    private FakeLarkOpenApi(LoopbackServer server) => _server = server;

    public Uri BaseAddress => _server.BaseAddress;

    public int TokenRequests => _tokenRequests;

    public int ReplyAttempts => _replyAttempts;

    public int BotInfoRequests => _botInfoRequests;

    /// <summary>Replies that reused a uuid (a segment posted again); Lark, like this fake, posts nothing for them.</summary>
    public int RepeatedUuids => _repeatedUuids;

    /// <summary>Replies that created a message (uuid repeats are not counted twice), in arrival order.</summary>
    public IReadOnlyList<LarkReply> Replies
    {
        get
        {
            lock (_replies)
            {
                return _replies.ToArray();
            }
        }
    }

    /// <summary>False: accepted replies are not kept in <see cref="Replies"/> (long benches; see <see cref="ReplyObserver"/>).</summary>
    public bool KeepReplies { get; set; } = true;

    /// <summary>Sees every accepted reply request as it arrives, with whether its uuid had been used before.</summary>
    public Action<LarkReply, bool>? ReplyObserver { get; set; }

    public static async Task<FakeLarkOpenApi> StartAsync()
    {
        FakeLarkOpenApi? fake = null;
        var server = await LoopbackServer.StartAsync(app =>
        {
            app.MapPost("/open-apis/auth/v3/tenant_access_token/internal", (HttpContext c, CancellationToken _) => fake!.TokenAsync(c));
            app.MapGet("/open-apis/bot/v3/info", (HttpContext c, CancellationToken _) => fake!.BotInfo(c));
            app.MapPost("/open-apis/im/v1/messages/{messageId}/reply", (HttpContext c, string messageId) => fake!.ReplyAsync(c, messageId));
            app.MapPost("/open-apis/im/v1/messages", (HttpContext c, CancellationToken _) => fake!.SendAsync(c));
            MapCards(app, () => fake!);
        });
        fake = new FakeLarkOpenApi(server);
        return fake;
    }

    public FakeLarkOpenApi WithApp(string appId, string appSecret, string botOpenId)
    {
        _secrets[appId] = appSecret;
        _botOpenIds[appId] = botOpenId;
        return this;
    }

    /// <summary>The next reply calls fail like this, in order (one fault per call).</summary>
    public void FailNextReplies(params LarkFault[] faults)
    {
        foreach (var fault in faults)
        {
            _replyFaults.Enqueue(fault);
        }
    }

    /// <summary>Forgets the uuids seen so far, as Lark does after an hour (keeps a long bench's memory flat).</summary>
    public void ForgetUuids() => _uuids.Clear();

    /// <summary>The next tenant-token requests fail like this, in order (one fault per call).</summary>
    public void FailNextTokenRequests(params LarkFault[] faults)
    {
        foreach (var fault in faults)
        {
            _tokenFaults.Enqueue(fault);
        }
    }

    /// <summary>While set, every tenant-token request beyond the queued faults fails like this (an auth outage).</summary>
    public LarkFault? TokenOutage { get; set; }

    /// <summary>Makes every issued token invalid, as when Lark rotates them early.</summary>
    public void RevokeTokens() => _tokens.Clear();

    public IReadOnlyList<LarkReply> RepliesTo(string messageId) => Replies.Where(r => r.ParentMessageId == messageId).ToArray();

    private async Task<IResult> TokenAsync(HttpContext context)
    {
        Interlocked.Increment(ref _tokenRequests);
        if ((_tokenFaults.TryDequeue(out var queued) ? queued : TokenOutage) is { HttpStatus: not 0 } fault)
        {
            return Results.Json(new { code = fault.Code, msg = fault.Message }, statusCode: fault.HttpStatus);
        }
        var body = await JsonNode.ParseAsync(context.Request.Body);
        var appId = body?["app_id"]?.GetValue<string>();
        var secret = body?["app_secret"]?.GetValue<string>();
        if (appId is null || !_secrets.TryGetValue(appId, out var expected) || expected != secret)
        {
            return Results.Json(new { code = 10014, msg = "app secret invalid" });
        }
        var token = $"t-{Guid.NewGuid():N}";
        _tokens[token] = appId;
        return Results.Json(new { code = 0, msg = "ok", tenant_access_token = token, expire = 7200 });
    }

    /// <summary>While set, <c>bot/v3/info</c> fails, so the app cannot learn its bot's open_id.</summary>
    public bool BotInfoDown { get; set; }

    private IResult BotInfo(HttpContext context)
    {
        Interlocked.Increment(ref _botInfoRequests);
        if (BotInfoDown)
        {
            return Results.Json(new { code = 99991400, msg = "bot info unavailable" }, statusCode: 500);
        }
        if (AppOf(context) is not { } appId)
        {
            return InvalidToken();
        }
        return Results.Json(new { code = 0, msg = "ok", bot = new { activate_status = 2, app_name = "ChatOps", open_id = _botOpenIds[appId] } });
    }

    private async Task<IResult> ReplyAsync(HttpContext context, string messageId)
    {
        var received = Stopwatch.GetTimestamp();
        Interlocked.Increment(ref _replyAttempts);
        if (AppOf(context) is not { } appId)
        {
            return InvalidToken();
        }
        if (_replyFaults.TryDequeue(out var fault) && fault.HttpStatus != 0)
        {
            return Results.Json(new { code = fault.Code, msg = fault.Message }, statusCode: fault.HttpStatus);
        }
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer);
        if (buffer.Length > MaxRequestBytes)
        {
            return Results.Json(new { code = 230025, msg = "The length of the message content reaches its limit." }, statusCode: 400);
        }
        using var doc = JsonDocument.Parse(buffer.ToArray());
        var root = doc.RootElement;
        var msgType = root.GetProperty("msg_type").GetString()!;
        var content = root.GetProperty("content").GetString()!;
        var inThread = root.TryGetProperty("reply_in_thread", out var t) && t.GetBoolean();
        var uuid = root.TryGetProperty("uuid", out var u) ? u.GetString() : null;
        JsonDocument.Parse(content).Dispose(); // Lark rejects content that is not a JSON string.
        if (msgType == "interactive" && CardReferenceError(appId, content) is { } cardError)
        {
            return cardError;
        }
        var newId = $"om_{Guid.NewGuid():N}";
        var reply = new LarkReply(appId, messageId, newId, msgType, content, inThread, uuid, (int)buffer.Length) { ReceivedTimestamp = received };
        if (uuid is not null && !_uuids.TryAdd(uuid, newId))
        {
            Interlocked.Increment(ref _repeatedUuids);
            ReplyObserver?.Invoke(reply, true);
            return Results.Json(new { code = 0, msg = "success", data = new { message_id = _uuids.GetValueOrDefault(uuid, newId) } });
        }
        ReplyObserver?.Invoke(reply, false);
        if (KeepReplies)
        {
            lock (_replies)
            {
                _replies.Add(reply);
            }
        }
        return Results.Json(new { code = 0, msg = "success", data = new { message_id = newId, root_id = messageId, msg_type = msgType } });
    }

    /// <summary>Messages sent to a chat (not replies), in order.</summary>
    public IReadOnlyList<LarkReply> MessagesIn(string chatId) => Replies.Where(r => r.ChatId == chatId).ToArray();

    // POST im/v1/messages?receive_id_type=chat_id: a new message in a chat, one per uuid like a reply.
    private async Task<IResult> SendAsync(HttpContext context)
    {
        if (AppOf(context) is not { } appId)
        {
            return InvalidToken();
        }
        if (context.Request.Query["receive_id_type"] != "chat_id")
        {
            return Results.Json(new { code = 99992402, msg = "field validation failed: receive_id_type" }, statusCode: 400);
        }
        using var doc = await JsonDocument.ParseAsync(context.Request.Body);
        var root = doc.RootElement;
        var chatId = root.GetProperty("receive_id").GetString()!;
        var msgType = root.GetProperty("msg_type").GetString()!;
        var content = root.GetProperty("content").GetString()!;
        var uuid = root.TryGetProperty("uuid", out var u) ? u.GetString() : null;
        JsonDocument.Parse(content).Dispose();
        var newId = $"om_{Guid.NewGuid():N}";
        if (uuid is not null && !_uuids.TryAdd(uuid, newId))
        {
            Interlocked.Increment(ref _repeatedUuids);
            return Results.Json(new { code = 0, msg = "success", data = new { message_id = _uuids.GetValueOrDefault(uuid, newId) } });
        }
        lock (_replies)
        {
            _replies.Add(new LarkReply(appId, "", newId, msgType, content, false, uuid, 0) { ChatId = chatId });
        }
        return Results.Json(new { code = 0, msg = "success", data = new { message_id = newId, chat_id = chatId, msg_type = msgType } });
    }

    private string? AppOf(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.Ordinal) && _tokens.TryGetValue(header[7..], out var appId) ? appId : null;
    }

    private static IResult InvalidToken() =>
        Results.Json(new { code = 99991663, msg = "Invalid access token for authorization. Please make a request with token attached." }, statusCode: 400);

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
