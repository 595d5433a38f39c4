using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ChatOps.TestKit.Lark;

/// <summary>CardKit (card entities, streaming text, settings) and message reactions, as Lark's Open API answers them:
/// a card is at most 30 KB, its operations need strictly increasing <c>sequence</c> (300317), streaming text needs
/// streaming mode (300309) which ends by itself after 10 minutes (200850), one card takes 10 operations a second and an
/// app 50, and an app creates at most 50 cards a second (HTTP 429, 99991400). Cards are refused (as for an app without the <c>cardkit:card:write</c> scope) unless
/// <see cref="CardKitAvailable"/> is set.</summary>
public sealed partial class FakeLarkOpenApi
{
    /// <summary>Lark's limit on a card's JSON.</summary>
    public const int MaxCardBytes = 30 * 1024;

    public static readonly TimeSpan StreamingLimit = TimeSpan.FromMinutes(10);

    private readonly ConcurrentDictionary<string, FakeCard> _cards = new(StringComparer.Ordinal);
    private readonly List<FakeCard> _cardOrder = [];
    private readonly ConcurrentQueue<LarkFault> _cardFaults = new();
    private readonly ConcurrentDictionary<string, List<DateTimeOffset>> _appCardOps = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, List<DateTimeOffset>> _appCardCreates = new(StringComparer.Ordinal);
    private readonly List<FakeReaction> _reactions = [];
    private int _rejectedSequences;
    private int _rateLimitedCardOps;
    private int _cardCreateAttempts;
    private long _cardIds = 7_355_372_766_134_157_313;

    /// <summary>Whether this tenant and app may create cards; false answers <see cref="CardKitRefusal"/>.</summary>
    public bool CardKitAvailable { get; set; }

    public LarkFault CardKitRefusal { get; set; } = new(400, 99991672, "Access denied. One of the following scopes is required: [cardkit:card:write].");

    /// <summary>The clock of streaming timeouts and rate limits (tests share a fake one with the app).</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    public int CardCreateAttempts => _cardCreateAttempts;

    /// <summary>Operations refused for a sequence that did not grow.</summary>
    public int RejectedSequences => _rejectedSequences;

    /// <summary>Card operations refused by the per-card or per-app rate limit.</summary>
    public int RateLimitedCardOps => _rateLimitedCardOps;

    /// <summary>Cards created, in order.</summary>
    public IReadOnlyList<FakeCard> Cards
    {
        get
        {
            lock (_cardOrder)
            {
                return _cardOrder.ToArray();
            }
        }
    }

    public IReadOnlyList<FakeReaction> Reactions
    {
        get
        {
            lock (_reactions)
            {
                return _reactions.ToArray();
            }
        }
    }

    /// <summary>Sees every accepted card call as it is accepted (benches: when text became visible, update rates).</summary>
    public Action<FakeCardOperation>? CardObserver { get; set; }

    /// <summary>The next card operations (create, content, settings) fail like this, in order.</summary>
    public void FailNextCardCalls(params LarkFault[] faults)
    {
        foreach (var fault in faults)
        {
            _cardFaults.Enqueue(fault);
        }
    }

    /// <summary>Cards shown by a reply to <paramref name="messageId"/>, in order.</summary>
    public IReadOnlyList<FakeCard> CardsIn(string messageId) =>
        RepliesTo(messageId).Where(r => r.MsgType == "interactive").Select(r => CardOf(r.Content)).OfType<FakeCard>().ToArray();

    private static void MapCards(IEndpointRouteBuilder app, Func<FakeLarkOpenApi> fake)
    {
        app.MapPost("/open-apis/cardkit/v1/cards", (HttpContext c, CancellationToken _) => fake().CreateCardAsync(c));
        app.MapPut("/open-apis/cardkit/v1/cards/{cardId}/elements/{elementId}/content", (HttpContext c, string cardId, string elementId) => fake().ContentAsync(c, cardId, elementId));
        app.MapPost("/open-apis/cardkit/v1/cards/{cardId}/elements", (HttpContext c, string cardId) => fake().AppendElementsAsync(c, cardId));
        app.MapMethods("/open-apis/cardkit/v1/cards/{cardId}/settings", ["PATCH"], (HttpContext c, string cardId) => fake().SettingsAsync(c, cardId));
        app.MapMethods("/open-apis/im/v1/messages/{messageId}", ["PATCH"], (HttpContext c, string messageId) => fake().UpdateMessageAsync(c, messageId));
        app.MapPost("/open-apis/im/v1/messages/{messageId}/reactions", (HttpContext c, string messageId) => fake().AddReactionAsync(c, messageId));
        app.MapDelete("/open-apis/im/v1/messages/{messageId}/reactions/{reactionId}", (HttpContext c, string messageId, string reactionId) => fake().DeleteReaction(c, messageId, reactionId));
    }

    private async Task<IResult> CreateCardAsync(HttpContext context)
    {
        var received = System.Diagnostics.Stopwatch.GetTimestamp();
        Interlocked.Increment(ref _cardCreateAttempts);
        if (AppOf(context) is not { } appId)
        {
            return InvalidToken();
        }
        if (!CardKitAvailable)
        {
            return Error(CardKitRefusal);
        }
        if (NextCardFault() is { } fault)
        {
            return Error(fault);
        }
        // Creating cards has its own limit: 50 a second per app.
        var creates = _appCardCreates.GetOrAdd(appId, _ => []);
        lock (creates)
        {
            var now = Clock.GetUtcNow();
            if (!WithinRate(creates, now, 50))
            {
                Interlocked.Increment(ref _rateLimitedCardOps);
                return Error(LarkFault.RateLimited);
            }
            creates.Add(now);
        }
        using var body = await JsonDocument.ParseAsync(context.Request.Body);
        if (Str(body.RootElement, "type") != "card_json" || Str(body.RootElement, "data") is not { } data)
        {
            return Error(new LarkFault(400, 10002, "invalid request parameter: type must be card_json with data"));
        }
        if (System.Text.Encoding.UTF8.GetByteCount(data) > MaxCardBytes)
        {
            return Error(new LarkFault(400, 200860, "Card content exceeds limit."));
        }
        using var card = JsonDocument.Parse(data);
        var root = card.RootElement;
        if (Str(root, "schema") != "2.0")
        {
            return Error(new LarkFault(400, 200220, "Failed to generate card content"));
        }
        var config = root.TryGetProperty("config", out var c) ? c : default;
        var streaming = config.ValueKind == JsonValueKind.Object && config.TryGetProperty("streaming_mode", out var s) && s.GetBoolean();
        if (streaming && !(config.TryGetProperty("update_multi", out var u) && u.GetBoolean()))
        {
            return Error(new LarkFault(400, 300302, "update_multi property is false"));
        }
        var elements = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var element in root.GetProperty("body").GetProperty("elements").EnumerateArray())
        {
            if (Str(element, "element_id") is { } id)
            {
                var content = Str(element, "content") ?? "";
                if (content.Length == 0)
                {
                    return Error(new LarkFault(400, 200220, "Failed to generate card content: empty markdown"));
                }
                elements[id] = content;
            }
        }
        var created = new FakeCard(Interlocked.Increment(ref _cardIds).ToString(System.Globalization.CultureInfo.InvariantCulture), appId, elements, streaming, Clock.GetUtcNow());
        if (elements.Count > 0)
        {
            created.Set(elements.Keys.First(), elements.Values.First());
        }
        _cards[created.CardId] = created;
        lock (_cardOrder)
        {
            _cardOrder.Add(created);
        }
        CardObserver?.Invoke(new FakeCardOperation("create", appId, created.CardId, elements.Keys.FirstOrDefault(), elements.Values.FirstOrDefault(), received, created.StreamingSince));
        return Results.Json(new { code = 0, msg = "success", data = new { card_id = created.CardId } });
    }

    private async Task<IResult> ContentAsync(HttpContext context, string cardId, string elementId)
    {
        var received = System.Diagnostics.Stopwatch.GetTimestamp();
        using var body = await JsonDocument.ParseAsync(context.Request.Body);
        var content = Str(body.RootElement, "content");
        return Operate(context, cardId, body.RootElement, new("content", "", cardId, elementId, content, received, default), card =>
        {
            if (!card.ElementIds.Contains(elementId))
            {
                return new LarkFault(400, 300313, "element not found");
            }
            if (string.IsNullOrEmpty(content) || content.Length > 100_000)
            {
                return new LarkFault(400, 10002, "content must be 1-100000 characters");
            }
            if (card.Streaming && Clock.GetUtcNow() - card.StreamingSince >= StreamingLimit)
            {
                card.Streaming = false;
                return new LarkFault(400, 200850, "Card streaming timeout");
            }
            if (!card.Streaming)
            {
                return new LarkFault(400, 300309, "Card streaming closed");
            }
            var before = card.Element(elementId);
            card.Set(elementId, content);
            if (card.JsonBytes() > MaxCardBytes)
            {
                card.Set(elementId, before);
                return new LarkFault(400, 200860, "Card content exceeds limit.");
            }
            return null;
        });
    }

    // Adds components (a JSON array in the "elements" string) to a card; element ids must be new to the card.
    private async Task<IResult> AppendElementsAsync(HttpContext context, string cardId)
    {
        using var body = await JsonDocument.ParseAsync(context.Request.Body);
        var type = Str(body.RootElement, "type");
        var elements = Str(body.RootElement, "elements");
        return Operate(context, cardId, body.RootElement, new("append", "", cardId, null, elements, System.Diagnostics.Stopwatch.GetTimestamp(), default), card =>
        {
            if (type is not ("append" or "insert_before" or "insert_after") || string.IsNullOrEmpty(elements))
            {
                return new LarkFault(400, 10002, "invalid request parameter: type and elements are required");
            }
            using var parsed = JsonDocument.Parse(elements);
            if (parsed.RootElement.ValueKind != JsonValueKind.Array)
            {
                return new LarkFault(400, 10002, "elements must be a JSON array");
            }
            foreach (var element in parsed.RootElement.EnumerateArray())
            {
                if (Str(element, "element_id") is { } id && (card.ElementIds.Contains(id) || card.Appended.Any(a => a.Contains($"\"{id}\"", StringComparison.Ordinal))))
                {
                    return new LarkFault(400, 300305, "element_id is duplicated");
                }
            }
            foreach (var element in parsed.RootElement.EnumerateArray())
            {
                card.Append(element.GetRawText());
            }
            return null;
        });
    }

    private async Task<IResult> SettingsAsync(HttpContext context, string cardId)
    {
        using var body = await JsonDocument.ParseAsync(context.Request.Body);
        var settings = Str(body.RootElement, "settings");
        return Operate(context, cardId, body.RootElement, new("settings", "", cardId, null, settings, System.Diagnostics.Stopwatch.GetTimestamp(), default), card =>
        {
            if (settings is null)
            {
                return new LarkFault(400, 10002, "settings is required");
            }
            using var parsed = JsonDocument.Parse(settings);
            if (parsed.RootElement.TryGetProperty("config", out var config) && config.TryGetProperty("streaming_mode", out var mode))
            {
                var on = mode.GetBoolean();
                if (card.Streaming && !on)
                {
                    card.Closes++;
                }
                card.Streaming = on;
                if (on)
                {
                    card.StreamingSince = Clock.GetUtcNow();
                }
            }
            return null;
        });
    }

    private IResult Operate(HttpContext context, string cardId, JsonElement body, FakeCardOperation observed, Func<FakeCard, LarkFault?> apply)
    {
        if (AppOf(context) is not { } appId)
        {
            return InvalidToken();
        }
        if (NextCardFault() is { } fault)
        {
            return Error(fault);
        }
        if (!_cards.TryGetValue(cardId, out var card))
        {
            return Error(new LarkFault(400, 200740, "The card entity does not exist"));
        }
        if (card.AppId != appId)
        {
            return Error(new LarkFault(400, 300311, "The current application does not have permission to update/use this card"));
        }
        if (!body.TryGetProperty("sequence", out var s) || s.ValueKind != JsonValueKind.Number || !s.TryGetInt32(out var sequence) || sequence < 1)
        {
            return Error(new LarkFault(400, 10002, "sequence must be a positive int32"));
        }
        var uuid = Str(body, "uuid");
        lock (card)
        {
            if (uuid is not null && card.Uuids.Contains(uuid))
            {
                return Results.Json(new { code = 0, msg = "success", data = new { } });
            }
            var now = Clock.GetUtcNow();
            if (!WithinRate(card.OperationTimes, now, 10) || !WithinRate(_appCardOps.GetOrAdd(appId, _ => []), now, 50))
            {
                Interlocked.Increment(ref _rateLimitedCardOps);
                return Error(LarkFault.RateLimited);
            }
            if (sequence <= card.LastSequence)
            {
                Interlocked.Increment(ref _rejectedSequences);
                return Error(new LarkFault(400, 300317, "The sequence number for operating on the card did not increment consecutively"));
            }
            if (apply(card) is { } refused)
            {
                return Error(refused);
            }
            card.LastSequence = sequence;
            card.Operations++;
            card.OperationTimes.Add(now);
            lock (_appCardOps[appId])
            {
                _appCardOps[appId].Add(now);
            }
            if (uuid is not null)
            {
                card.Uuids.Add(uuid);
            }
            CardObserver?.Invoke(observed with { AppId = appId, AcceptedAt = now });
        }
        return Results.Json(new { code = 0, msg = "success", data = new { } });
    }

    // At most `limit` accepted operations in the second up to now.
    private static bool WithinRate(List<DateTimeOffset> times, DateTimeOffset now, int limit)
    {
        lock (times)
        {
            return times.Count(t => now - t < TimeSpan.FromSeconds(1)) < limit;
        }
    }

    private IResult? CardReferenceError(string appId, string content)
    {
        using (var doc = JsonDocument.Parse(content))
        {
            // A message card sent whole (JSON 2.0) rather than a reference to a card entity.
            if (Str(doc.RootElement, "schema") == "2.0")
            {
                return doc.RootElement.TryGetProperty("body", out var body) && body.TryGetProperty("elements", out _)
                    ? null
                    : Error(new LarkFault(400, 200220, "Failed to generate card content"));
            }
        }
        if (CardOf(content) is { } card)
        {
            return card.AppId == appId ? null : Error(new LarkFault(400, 300311, "The current application does not have permission to update/use this card"));
        }
        return Error(new LarkFault(400, 230099, "Failed to create card content: unknown card_id"));
    }

    private FakeCard? CardOf(string content)
    {
        using var doc = JsonDocument.Parse(content);
        return Str(doc.RootElement, "type") == "card"
               && doc.RootElement.TryGetProperty("data", out var data)
               && Str(data, "card_id") is { } id
               && _cards.TryGetValue(id, out var card)
            ? card
            : null;
    }

    // PATCH im/v1/messages/:message_id: replaces a shared card message the app sent.
    private async Task<IResult> UpdateMessageAsync(HttpContext context, string messageId)
    {
        if (AppOf(context) is not { } appId)
        {
            return InvalidToken();
        }
        using var body = await JsonDocument.ParseAsync(context.Request.Body);
        var content = Str(body.RootElement, "content");
        var sent = Replies.FirstOrDefault(r => r.MessageId == messageId);
        if (sent is null || sent.AppId != appId)
        {
            return Error(new LarkFault(400, 230001, "message not found or not sent by this app"));
        }
        if (sent.MsgType != "interactive" || content is null)
        {
            return Error(new LarkFault(400, 230001, "only interactive messages can be updated with card content"));
        }
        using (var card = JsonDocument.Parse(content))
        {
            if (!(card.RootElement.TryGetProperty("config", out var config) && config.TryGetProperty("update_multi", out var shared) && shared.GetBoolean()))
            {
                return Error(new LarkFault(400, 230099, "card is not shared (update_multi)"));
            }
        }
        _messageUpdates.Enqueue((messageId, content));
        return Results.Json(new { code = 0, msg = "success", data = new { } });
    }

    private readonly ConcurrentQueue<(string MessageId, string Content)> _messageUpdates = new();

    /// <summary>The content a message shows now: its latest update, else what was sent.</summary>
    public string? MessageContent(string messageId) =>
        _messageUpdates.LastOrDefault(u => u.MessageId == messageId) is { Content: { } updated } ? updated : Replies.FirstOrDefault(r => r.MessageId == messageId)?.Content;

    /// <summary>How often a message was updated.</summary>
    public int UpdatesOf(string messageId) => _messageUpdates.Count(u => u.MessageId == messageId);

    private async Task<IResult> AddReactionAsync(HttpContext context, string messageId)
    {
        if (AppOf(context) is null)
        {
            return InvalidToken();
        }
        using var body = await JsonDocument.ParseAsync(context.Request.Body);
        var emoji = body.RootElement.TryGetProperty("reaction_type", out var type) ? Str(type, "emoji_type") : null;
        if (string.IsNullOrEmpty(emoji))
        {
            return Error(new LarkFault(400, 231001, "reaction type is invalid"));
        }
        var reaction = new FakeReaction(messageId, emoji, $"r_{Guid.NewGuid():N}");
        lock (_reactions)
        {
            _reactions.Add(reaction);
        }
        return Results.Json(new { code = 0, msg = "success", data = new { reaction_id = reaction.ReactionId, reaction_type = new { emoji_type = emoji } } });
    }

    private IResult DeleteReaction(HttpContext context, string messageId, string reactionId)
    {
        if (AppOf(context) is null)
        {
            return InvalidToken();
        }
        lock (_reactions)
        {
            var found = _reactions.FindIndex(r => r.MessageId == messageId && r.ReactionId == reactionId && !r.Removed);
            if (found < 0)
            {
                return Error(new LarkFault(400, 231003, "reaction not found"));
            }
            _reactions[found] = _reactions[found] with { Removed = true };
        }
        return Results.Json(new { code = 0, msg = "success", data = new { } });
    }

    private LarkFault? NextCardFault() => _cardFaults.TryDequeue(out var fault) && fault.HttpStatus != 0 ? fault : null;

    private static IResult Error(LarkFault fault) => Results.Json(new { code = fault.Code, msg = fault.Message }, statusCode: fault.HttpStatus);

    private static string? Str(JsonElement root, string name) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

/// <summary>A reaction the bot put on a message (<see cref="Removed"/> once it took it away).</summary>
public sealed record FakeReaction(string MessageId, string EmojiType, string ReactionId, bool Removed = false);
