using System.Text.Json;

namespace ChatOps.TestKit.Lark;

/// <summary>A reply the fake Lark API accepted.</summary>
public sealed record LarkReply(string AppId, string ParentMessageId, string MessageId, string MsgType, string Content, bool ReplyInThread, string? Uuid, int RequestBytes)
{
    /// <summary><see cref="System.Diagnostics.Stopwatch.GetTimestamp"/> when the fake began handling the request (benches only;
    /// 0 when not set).</summary>
    public long ReceivedTimestamp { get; init; }

    /// <summary>The Markdown of a <c>post</c> reply (all md/text nodes joined), or the text of a <c>text</c> reply.</summary>
    public string Text
    {
        get
        {
            using var doc = JsonDocument.Parse(Content);
            if (MsgType == "text")
            {
                return doc.RootElement.GetProperty("text").GetString() ?? "";
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
}
