using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ChatOps.LarkBotAdapter.Channels.Lark.Inbound;
using ChatOps.LarkBotAdapter.Replies;

namespace ChatOps.LarkBotAdapter.Channels.Lark.Rendering;

// Renders answer segments as the content JSON of Lark messages.
// A segment becomes a post with a single md node:
// {"zh_cn":{"content":[[{"tag":"md","text":"..."}]]}}. The md node renders @mentions, links, ordered and
// unordered lists, fenced code blocks, quotes,  ---  rules, bold, italic, ~underline~ and ~~strikethrough~~;
// what it does not render is converted by LarkPostMarkdown (headings become bold lines, tables
// are kept as fenced code blocks, images become links). Nothing is backslash-escaped: Lark would show the
// backslashes. Control characters (ANSI colour codes included) are removed, and at tags in the text mention nobody
// (LarkMentions).
public static class LarkPostRenderer
{
    // Lark's limit on a post request body; content of any segment within the default caps stays below it.
    public const int MaxContentBytes = 30 * 1024;

    // Leaves room for the request envelope (receive_id, msg_type, uuid) around the content.
    private const int ConvertedBudgetBytes = MaxContentBytes - 1024;

    // Marks a segment that more segments follow.
    public const string ContinuationMarker = "…";

    private static readonly LarkPostJsonContext Json = new(new JsonSerializerOptions
    {
        // Relaxed: CJK stays raw (3 bytes, not a 6-byte escape); Lark reads the content as JSON, not HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    // The content string of a post message (msg_type "post") showing segment.
    // If conversion would make the content larger than about 29 KB (only pathological input, e.g. thousands of
    // one-cell tables), the sanitized Markdown is sent unconverted: that is at most twice the segment's UTF-8
    // size plus a few bytes, so any segment within 12,000 UTF-8 bytes fits MaxContentBytes.
    public static string ToPostContent(Segment segment)
    {
        ArgumentNullException.ThrowIfNull(segment);
        var clean = LarkMentions.Neutralize(LarkPostText.Sanitize(segment.Markdown));
        var content = Serialize(LarkPostMarkdown.Convert(clean), segment.IsFinal);
        return Encoding.UTF8.GetByteCount(content) <= ConvertedBudgetBytes ? content : Serialize(clean, segment.IsFinal);
    }

    // The content string of a plain text message, for short notices: {"text":"..."}.
    public static string ToTextContent(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var json = JsonSerializer.Serialize(new LarkPostPlainText(LarkMentions.Neutralize(LarkPostText.Sanitize(text))), Json.LarkPostPlainText);
        return LarkPostText.UnescapeNonAscii(json);
    }

    private static string Serialize(string markdown, bool isFinal)
    {
        var text = isFinal ? markdown : markdown + "\n\n" + ContinuationMarker;
        var post = new LarkPostContent(new LarkPostBody([[new LarkPostNode("md", text)]]));
        return LarkPostText.UnescapeNonAscii(JsonSerializer.Serialize(post, Json.LarkPostContent));
    }
}
