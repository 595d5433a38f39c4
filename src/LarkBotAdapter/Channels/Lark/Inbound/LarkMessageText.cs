using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using ChatOps.LarkBotAdapter.Channels.Lark.Rendering;

namespace ChatOps.LarkBotAdapter.Channels.Lark.Inbound;

// Plain text of a message's content JSON string: text and post are read, other types give "".
// Mention placeholders (@_user_1, @_all) are dropped; line indentation is kept for pasted code.
internal static partial class LarkMessageText
{
    private static readonly string[] LocalePriority = ["zh_cn", "en_us", "ja_jp"];

    public static string Extract(string messageType, string content)
    {
        if (messageType is not ("text" or "post"))
        {
            return string.Empty;
        }

        try
        {
            using var document = JsonDocument.Parse(content, LarkJson.DocumentOptions);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new LarkJsonException("event.message.content must be a JSON object");
            }

            return messageType == "text"
                ? Tidy(LarkJson.OptionalString(root, "text", "event.message.content.text") ?? string.Empty)
                : FromPost(root);
        }
        catch (JsonException)
        {
            throw new LarkJsonException("event.message.content is not valid JSON");
        }
    }

    // Drops mention placeholders and trailing spaces, and squeezes blank-line runs to one.
    public static string Tidy(string text)
    {
        var lines = MentionPlaceholder().Replace(text.ReplaceLineEndings("\n"), string.Empty).Split('\n');
        var builder = new StringBuilder(text.Length);
        var blank = 0;
        foreach (var raw in lines)
        {
            var line = raw.TrimEnd();
            blank = line.Length == 0 ? blank + 1 : 0;
            if (blank < 2)
            {
                builder.Append(line).Append('\n');
            }
        }

        return builder.ToString().Trim();
    }

    private static string FromPost(JsonElement root)
    {
        var body = Unwrap(root);
        if (body is not { } post)
        {
            return string.Empty;
        }

        var parts = new List<string>();
        if (post.TryGetProperty("title", out var title) && title.ValueKind == JsonValueKind.String)
        {
            parts.Add(Tidy(title.GetString()!));
        }

        if (post.TryGetProperty("content", out var paragraphs) && paragraphs.ValueKind == JsonValueKind.Array)
        {
            foreach (var paragraph in paragraphs.EnumerateArray())
            {
                if (paragraph.ValueKind == JsonValueKind.Array)
                {
                    LarkPostParagraph.Render(paragraph, parts);
                }
            }
        }

        return string.Join('\n', parts.Where(part => part.Length > 0));
    }

    // Events deliver {"title","content"}; the send/read API shape wraps it per locale ({"zh_cn": {...}}).
    private static JsonElement? Unwrap(JsonElement root)
    {
        if (root.TryGetProperty("title", out _) || root.TryGetProperty("content", out _))
        {
            return root;
        }

        foreach (var locale in LocalePriority)
        {
            if (root.TryGetProperty(locale, out var value) && value.ValueKind == JsonValueKind.Object)
            {
                return value;
            }
        }

        foreach (var property in root.EnumerateObject())
        {
            return property.Value.ValueKind == JsonValueKind.Object ? property.Value : null;
        }

        return null;
    }

    [GeneratedRegex(@"@_(?:user_\d+|all)[\p{Zs}\t]*", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex MentionPlaceholder();
}
