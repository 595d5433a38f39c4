using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ChatOps.LarkBotAdapter.Replies;

namespace ChatOps.LarkBotAdapter.Channels.Lark;

/// <summary>Renders answer segments as the <c>content</c> JSON of Lark messages.</summary>
/// <remarks>
/// A segment becomes a <c>post</c> with a single <c>md</c> node:
/// <c>{"zh_cn":{"content":[[{"tag":"md","text":"..."}]]}}</c>. The md node renders @mentions, links, ordered and
/// unordered lists, fenced code blocks, quotes, <c> --- </c> rules, bold, italic, ~underline~ and ~~strikethrough~~;
/// what it does not render is converted by <see cref="LarkPostMarkdown"/> (headings become bold lines, tables
/// are kept as fenced code blocks, images become links). Nothing is backslash-escaped: Lark would show the
/// backslashes. Control characters (ANSI colour codes included) are removed.
/// </remarks>
public static class LarkPostRenderer
{
    /// <summary>Lark's limit on a post request body; content of any segment within the default caps stays below it.</summary>
    public const int MaxContentBytes = 30 * 1024;

    // Leaves room for the request envelope (receive_id, msg_type, uuid) around the content.
    private const int ConvertedBudgetBytes = MaxContentBytes - 1024;

    /// <summary>Marks a segment that more segments follow.</summary>
    public const string ContinuationMarker = "…";

    private static readonly LarkPostJsonContext Json = new(new JsonSerializerOptions
    {
        // Relaxed: CJK stays raw (3 bytes, not a 6-byte escape); Lark reads the content as JSON, not HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    /// <summary>The <c>content</c> string of a <c>post</c> message (msg_type "post") showing <paramref name="segment"/>.</summary>
    /// <remarks>
    /// If conversion would make the content larger than about 29 KB (only pathological input, e.g. thousands of
    /// one-cell tables), the sanitized Markdown is sent unconverted: that is at most twice the segment's UTF-8
    /// size plus a few bytes, so any segment within 12,000 UTF-8 bytes fits <see cref="MaxContentBytes"/>.
    /// </remarks>
    public static string ToPostContent(Segment segment)
    {
        ArgumentNullException.ThrowIfNull(segment);
        var clean = LarkPostText.Sanitize(segment.Markdown);
        var content = Serialize(LarkPostMarkdown.Convert(clean), segment.IsFinal);
        return Encoding.UTF8.GetByteCount(content) <= ConvertedBudgetBytes ? content : Serialize(clean, segment.IsFinal);
    }

    /// <summary>The <c>content</c> string of a plain <c>text</c> message, for short notices: <c>{"text":"..."}</c>.</summary>
    public static string ToTextContent(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var json = JsonSerializer.Serialize(new LarkPostPlainText(LarkPostText.Sanitize(text)), Json.LarkPostPlainText);
        return LarkPostText.UnescapeNonAscii(json);
    }

    private static string Serialize(string markdown, bool isFinal)
    {
        var text = isFinal ? markdown : markdown + "\n\n" + ContinuationMarker;
        var post = new LarkPostContent(new LarkPostBody([[new LarkPostNode("md", text)]]));
        return LarkPostText.UnescapeNonAscii(JsonSerializer.Serialize(post, Json.LarkPostContent));
    }
}
