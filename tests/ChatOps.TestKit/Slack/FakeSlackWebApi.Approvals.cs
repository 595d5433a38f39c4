using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ChatOps.TestKit.Slack;

/// <summary>Block Kit messages on the fake Slack (approval cards): posted blocks are checked against Slack's limits
/// (<see cref="SlackBlockKitCheck"/>, <c>invalid_blocks</c> otherwise), and <c>chat.update</c> replaces a posted
/// message's text and blocks; <see cref="BlocksOf"/> and <see cref="TextOf"/> read a message as it stands now,
/// <see cref="Updates"/> lists the edits.</summary>
public sealed partial class FakeSlackWebApi
{
    private readonly List<SlackMessageUpdate> _updates = [];
    private readonly ConcurrentDictionary<(string Channel, string Ts), (string Text, string? Blocks)> _messages = new();

    /// <summary>Every <c>chat.update</c> of a posted message accepted, in order.</summary>
    public IReadOnlyList<SlackMessageUpdate> Updates
    {
        get
        {
            lock (_updates)
            {
                return _updates.ToArray();
            }
        }
    }

    /// <summary>The message's blocks (raw JSON array) as they stand now, after any update; null when it has none.</summary>
    public string? BlocksOf(string channel, string ts) => _messages.TryGetValue((channel, ts), out var m) ? m.Blocks : null;

    /// <summary>The message's text as it stands now, after any update; null for a message the fake does not know.</summary>
    public string? TextOf(string channel, string ts) => _messages.TryGetValue((channel, ts), out var m) ? m.Text : null;

    // Order 1: where another part of the fake maps chat.update too, that one answers (and should call RecordUpdate).
    private static void MapApprovals(IEndpointRouteBuilder app, Func<FakeSlackWebApi> fake) =>
        app.MapPost("/api/chat.update", (HttpContext c, CancellationToken _) => fake().UpdatePostedAsync(c)).WithOrder(1);

    /// <summary>Records an accepted edit of a posted message: new text (kept when empty) and blocks (kept when null).</summary>
    internal void RecordUpdate(string channel, string ts, string? text, string? blocks)
    {
        if (_messages.TryGetValue((channel, ts), out var message))
        {
            _messages[(channel, ts)] = (string.IsNullOrEmpty(text) ? message.Text : text, blocks ?? message.Blocks);
        }
        lock (_updates)
        {
            _updates.Add(new SlackMessageUpdate(channel, ts, text, blocks));
        }
    }

    private void Remember(string channel, string ts, string text, string? blocks) => _messages[(channel, ts)] = (text, blocks);

    private static string? BlocksProblem(string? blocks)
    {
        if (blocks is null)
        {
            return null;
        }
        try
        {
            using var doc = JsonDocument.Parse(blocks);
            return SlackBlockKitCheck.Problem(doc.RootElement);
        }
        catch (JsonException)
        {
            return "blocks is not JSON";
        }
    }

    // chat.update (JSON body) of a message this fake accepted; blocks, when sent, replace the old ones.
    private async Task<IResult> UpdatePostedAsync(HttpContext context)
    {
        if (!Authorized(context))
        {
            return Results.Json(new { ok = false, error = "invalid_auth" });
        }
        if (!(context.Request.ContentType ?? "").StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return Results.Json(new { ok = false, error = "invalid_form_data" });
        }
        using var doc = await JsonDocument.ParseAsync(context.Request.Body);
        var (channel, ts, text) = (Str(doc.RootElement, "channel"), Str(doc.RootElement, "ts"), Str(doc.RootElement, "text"));
        var blocks = doc.RootElement.TryGetProperty("blocks", out var b) ? b.GetRawText() : null;
        if (BlocksProblem(blocks) is { } problem)
        {
            return Results.Json(new { ok = false, error = "invalid_blocks", errors = new[] { problem } });
        }
        if (channel is null || ts is null || !_messages.ContainsKey((channel, ts)))
        {
            return Results.Json(new { ok = false, error = "message_not_found" });
        }
        if (string.IsNullOrEmpty(text) && blocks is null)
        {
            return Results.Json(new { ok = false, error = "no_text" });
        }
        RecordUpdate(channel, ts, text, blocks);
        return Results.Json(new { ok = true, channel, ts, text });
    }
}
