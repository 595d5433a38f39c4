using System.Text.Json;

namespace ChatOps.TestKit.Slack;

/// <summary>The Block Kit limits Slack enforces on a message's <c>blocks</c>, as the fake applies them: at most 50
/// blocks; header text plain_text of at most 150 characters; section text at most 3000; context at most 10 elements;
/// actions at most 25 elements; buttons with plain_text of at most 75, action_id at most 255, value at most 2000 and
/// style primary or danger. Slack answers <c>invalid_blocks</c> when one is broken.</summary>
public static class SlackBlockKitCheck
{
    /// <summary>Null when <paramref name="blocks"/> keeps the limits, else what breaks one.</summary>
    public static string? Problem(JsonElement blocks)
    {
        if (blocks.ValueKind != JsonValueKind.Array)
        {
            return "blocks is not an array";
        }
        if (blocks.GetArrayLength() > 50)
        {
            return $"{blocks.GetArrayLength()} blocks (at most 50)";
        }
        foreach (var block in blocks.EnumerateArray())
        {
            if (block.ValueKind != JsonValueKind.Object || Str(block, "type") is not { } type)
            {
                return "a block without type";
            }
            var problem = type switch
            {
                "header" => Text(block, "text", 150, plainOnly: true),
                "section" => block.TryGetProperty("text", out _) ? Text(block, "text", 3000, plainOnly: false) : null,
                "context" => Count(block, "elements", 10),
                "actions" => Count(block, "elements", 25) ?? Buttons(block),
                _ => null,
            };
            if (problem is not null)
            {
                return $"{type}: {problem}";
            }
        }
        return null;
    }

    private static string? Buttons(JsonElement actions)
    {
        foreach (var element in actions.GetProperty("elements").EnumerateArray())
        {
            if (Str(element, "type") != "button")
            {
                continue;
            }
            var problem = Text(element, "text", 75, plainOnly: true)
                ?? (Str(element, "action_id") is { Length: > 255 } ? "action_id over 255" : null)
                ?? (Str(element, "value") is { Length: > 2000 } ? "value over 2000" : null)
                ?? (Str(element, "style") is { } style && style is not ("primary" or "danger") ? $"style {style}" : null);
            if (problem is not null)
            {
                return "button " + problem;
            }
        }
        return null;
    }

    private static string? Text(JsonElement parent, string name, int max, bool plainOnly)
    {
        if (!parent.TryGetProperty(name, out var text) || text.ValueKind != JsonValueKind.Object)
        {
            return $"{name} is not a text object";
        }
        var type = Str(text, "type");
        if (type is not ("plain_text" or "mrkdwn") || (plainOnly && type != "plain_text"))
        {
            return $"{name}.type {type}";
        }
        return Str(text, "text") switch
        {
            null or "" => $"{name}.text is empty",
            { Length: var n } when n > max => $"{name}.text of {n} characters (at most {max})",
            _ => null,
        };
    }

    private static string? Count(JsonElement block, string name, int max) =>
        !block.TryGetProperty(name, out var list) || list.ValueKind != JsonValueKind.Array ? $"no {name}"
        : list.GetArrayLength() > max ? $"{list.GetArrayLength()} {name} (at most {max})"
        : null;

    private static string? Str(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
