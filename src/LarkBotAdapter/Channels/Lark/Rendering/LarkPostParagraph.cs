using System.Text;
using System.Text.Json;
using ChatOps.LarkBotAdapter.Channels.Lark.Inbound;

namespace ChatOps.LarkBotAdapter.Channels.Lark.Rendering;

// Renders one post paragraph (an array of tagged elements); code blocks are kept verbatim and fenced.
internal static class LarkPostParagraph
{
    // An @ element becomes a placeholder so Tidy drops it exactly like a mention in a text message.
    private const string MentionMarker = "@_user_0 ";

    public static void Render(JsonElement paragraph, List<string> parts)
    {
        var line = new StringBuilder();
        foreach (var element in paragraph.EnumerateArray())
        {
            if (element.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            var tag = Text(element, "tag");
            if (tag == "code_block")
            {
                Flush(line, parts);
                parts.Add($"```{Text(element, "language")}\n{Text(element, "text")?.TrimEnd('\n')}\n```");
                continue;
            }

            line.Append(tag switch
            {
                "text" or "md" => Text(element, "text"),
                "a" => Link(Text(element, "text"), Text(element, "href")),
                "at" => MentionMarker,
                "img" or "media" or "emotion" or "hr" => null,
                _ => Text(element, "text"),
            });
        }

        Flush(line, parts);
    }

    private static string? Link(string? text, string? href) => (text, href) switch
    {
        (null or "", _) => href,
        (_, null or "") => text,
        _ when text!.Trim() == href => href,
        _ => $"{text} ({href})",
    };

    private static void Flush(StringBuilder line, List<string> parts)
    {
        parts.Add(LarkMessageText.Tidy(line.ToString()));
        line.Clear();
    }

    // Content inside the message is best effort: an element field of the wrong type is skipped, not fatal.
    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
