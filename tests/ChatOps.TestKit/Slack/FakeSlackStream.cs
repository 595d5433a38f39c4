using System.Text.Json.Nodes;

namespace ChatOps.TestKit.Slack;

/// <summary>A message the fake Slack started with <c>chat.startStream</c>: what it shows (the streamed Markdown, or the
/// markdown block of the last <c>chat.update</c>), whether it still streams, the blocks under it, and its history.</summary>
public sealed class FakeSlackStream(string channel, string ts, string? threadTs, string? recipientUserId, string? recipientTeamId)
{
    private readonly List<string> _shown = [];

    public string Channel { get; } = channel;

    public string Ts { get; } = ts;

    public string? ThreadTs { get; } = threadTs;

    public string? RecipientUserId { get; } = recipientUserId;

    public string? RecipientTeamId { get; } = recipientTeamId;

    /// <summary>The Markdown the message shows now.</summary>
    public string Text { get; internal set; } = "";

    public bool Streaming { get; internal set; } = true;

    /// <summary>Blocks set by <c>chat.stopStream</c> or <c>chat.update</c> (JSON array), or null.</summary>
    public JsonArray? Blocks { get; internal set; }

    public int Appends { get; internal set; }

    public int Updates { get; internal set; }

    public int Stops { get; internal set; }

    /// <summary>Every text the message showed, in order (after the start, each append, each edit).</summary>
    public IReadOnlyList<string> History
    {
        get
        {
            lock (_shown)
            {
                return _shown.ToArray();
            }
        }
    }

    /// <summary>The feedback_buttons element under the message, or null.</summary>
    public JsonObject? FeedbackButtons =>
        Blocks?.OfType<JsonObject>().Where(b => (string?)b["type"] == "context_actions")
            .SelectMany(b => b["elements"]?.AsArray().OfType<JsonObject>() ?? [])
            .FirstOrDefault(e => (string?)e["type"] == "feedback_buttons");

    /// <summary>The text of the context block under the message (the footer), or null.</summary>
    public string? Footer =>
        Blocks?.OfType<JsonObject>().Where(b => (string?)b["type"] == "context")
            .Select(b => (string?)b["elements"]?[0]?["text"]).FirstOrDefault();

    internal void Show(string text)
    {
        Text = text;
        lock (_shown)
        {
            _shown.Add(text);
        }
    }
}

/// <summary>A reaction the bot put on a message through <c>reactions.add</c> (Removed once <c>reactions.remove</c> took it off).</summary>
public sealed record SlackReaction(string Channel, string Ts, string Name)
{
    public bool Removed { get; internal set; }
}

/// <summary>An <c>assistant.threads.setStatus</c> call the fake accepted.</summary>
public sealed record SlackStatus(string ChannelId, string ThreadTs, string Status);
