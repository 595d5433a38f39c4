using System.Collections.Concurrent;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ChatOps.TestKit.Slack;

/// <summary>Block Kit messages on the fake Slack (approval cards): posted blocks are checked against Slack's limits
/// (<see cref="SlackBlockKitCheck"/>, <c>invalid_blocks</c> otherwise), and <c>chat.update</c> of a posted message
/// (FakeSlackWebApi.Live.cs) replaces its text and blocks; <see cref="BlocksOf"/> and <see cref="TextOf"/> read a
/// message as it stands now, <see cref="Updates"/> lists the edits.</summary>
public sealed partial class FakeSlackWebApi
{
    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

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

    /// <summary>The message's blocks (a JSON array, with only the escapes JSON requires, so <c>&lt;@U…&gt;</c> reads as
    /// sent) as they stand now, after any update; null when it has none.</summary>
    public string? BlocksOf(string channel, string ts) => _messages.TryGetValue((channel, ts), out var m) ? m.Blocks : null;

    /// <summary>The message's text as it stands now, after any update; null for a message the fake does not know.</summary>
    public string? TextOf(string channel, string ts) => _messages.TryGetValue((channel, ts), out var m) ? m.Text : null;

    /// <summary>Records an accepted edit of a posted message: new text (kept when empty) and blocks (kept when null).</summary>
    internal void RecordUpdate(string channel, string ts, string? text, string? blocks)
    {
        blocks = ReadableJson(blocks);
        if (_messages.TryGetValue((channel, ts), out var message))
        {
            _messages[(channel, ts)] = (string.IsNullOrEmpty(text) ? message.Text : text, blocks ?? message.Blocks);
        }
        lock (_updates)
        {
            _updates.Add(new SlackMessageUpdate(channel, ts, text, blocks));
        }
    }

    private void Remember(string channel, string ts, string text, string? blocks) => _messages[(channel, ts)] = (text, ReadableJson(blocks));

    /// <summary>JSON as the fake shows it: re-written with only the escapes JSON requires (null stays null).</summary>
    public static string? ReadableJson(string? json) => json is null ? null : JsonNode.Parse(json)?.ToJsonString(Readable);

    // What breaks a Block Kit limit in blocks (a JSON array), or null.
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
}
