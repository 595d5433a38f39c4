using System.Text.Json;

namespace ChatOps.TestKit.Lark;

/// <summary>A reply the fake Lark API accepted.</summary>
public sealed record LarkReply(string AppId, string ParentMessageId, string MessageId, string MsgType, string Content, bool ReplyInThread, string? Uuid, int RequestBytes)
{
    /// <summary><see cref="System.Diagnostics.Stopwatch.GetTimestamp"/> when the fake began handling the request (benches only;
    /// 0 when not set).</summary>
    public long ReceivedTimestamp { get; init; }

    /// <summary>The chat of a message sent to a chat (im/v1/messages, not a reply); null for replies.</summary>
    public string? ChatId { get; init; }

    /// <summary>The Markdown of a <c>post</c> reply (all md/text nodes joined), the text of a <c>text</c> reply, or the
    /// markdown elements of a whole <c>interactive</c> card (JSON 2.0) joined.</summary>
    public string Text
    {
        get
        {
            using var doc = JsonDocument.Parse(Content);
            if (MsgType == "text")
            {
                return doc.RootElement.GetProperty("text").GetString() ?? "";
            }
            if (MsgType == "interactive")
            {
                return CardMarkdown(doc.RootElement);
            }
            var parts = new List<string>();
            foreach (var locale in doc.RootElement.EnumerateObject())
            {
                foreach (var paragraph in locale.Value.GetProperty("content").EnumerateArray())
                {
                    foreach (var node in paragraph.EnumerateArray())
                    {
                        if (node.TryGetProperty("text", out var text))
                        {
                            parts.Add(text.GetString() ?? "");
                        }
                    }
                }
                break;
            }
            return string.Join("\n", parts);
        }
    }

    /// <summary>True for answer text: a <c>post</c> reply, or the finished card with 👍/👎 buttons that ends a segmented answer.</summary>
    public bool IsAnswer => MsgType == "post" || Buttons().Any(b => b.Value.TryGetValue("action", out var action) && action == "feedback");

    /// <summary>Every button of a whole <c>interactive</c> card (JSON 2.0): its label and its callback value; empty for other replies.</summary>
    public IReadOnlyList<(string Label, IReadOnlyDictionary<string, string> Value)> Buttons()
    {
        var buttons = new List<(string, IReadOnlyDictionary<string, string>)>();
        if (MsgType == "interactive")
        {
            using var doc = JsonDocument.Parse(Content);
            FakeCard.Collect(doc.RootElement, buttons);
        }
        return buttons;
    }

    private static string CardMarkdown(JsonElement card)
    {
        if (!card.TryGetProperty("body", out var body) || !body.TryGetProperty("elements", out var elements))
        {
            return "";
        }
        return string.Join("\n", elements.EnumerateArray()
            .Where(e => e.TryGetProperty("tag", out var tag) && tag.GetString() == "markdown")
            .Select(e => e.GetProperty("content").GetString() ?? ""));
    }
}
