using System.Globalization;
using System.Text.Json;

namespace ChatOps.LarkBotAdapter.Channels.Lark.Inbound;

// Typed field access on untrusted Lark JSON; a wrong type or missing required field aborts the parse.
internal static class LarkJson
{
    public static readonly JsonDocumentOptions DocumentOptions = new()
    {
        MaxDepth = LarkEventParser.MaxDepth,
        // Two "encrypt" or "token" keys would let two readers of one body disagree; refuse them.
        AllowDuplicateProperties = false,
    };

    public static JsonElement RequiredObject(JsonElement parent, string name, string path) =>
        OptionalObject(parent, name, path) ?? throw new LarkJsonException($"{path} is required");

    public static JsonElement? OptionalObject(JsonElement parent, string name, string path) =>
        Property(parent, name) switch
        {
            null => null,
            { ValueKind: JsonValueKind.Object } value => value,
            _ => throw new LarkJsonException($"{path} must be an object"),
        };

    public static JsonElement? OptionalArray(JsonElement parent, string name, string path) =>
        Property(parent, name) switch
        {
            null => null,
            { ValueKind: JsonValueKind.Array } value => value,
            _ => throw new LarkJsonException($"{path} must be an array"),
        };

    public static string RequiredString(JsonElement parent, string name, string path) =>
        OptionalString(parent, name, path) is { Length: > 0 } value
            ? value
            : throw new LarkJsonException($"{path} is required");

    // The string value; null when absent, JSON null or empty (Lark sends "" for unset ids).
    public static string? OptionalString(JsonElement parent, string name, string path) =>
        Property(parent, name) switch
        {
            null => null,
            { ValueKind: JsonValueKind.String } value => value.GetString() is { Length: > 0 } text ? text : null,
            _ => throw new LarkJsonException($"{path} must be a string"),
        };

    // Reads Lark's time strings: "1700000000000" (ms, v2) or "1502199207.7171419" (s, v1).
    public static DateTimeOffset? OptionalTime(JsonElement parent, string name, string path, bool seconds)
    {
        var text = OptionalString(parent, name, path);
        if (text is null || !decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            return null;
        }

        var milliseconds = seconds ? value * 1000m : value;
        const decimal max = 253402300799999m; // 9999-12-31, the largest DateTimeOffset accepts
        return milliseconds <= max ? DateTimeOffset.FromUnixTimeMilliseconds((long)milliseconds) : null;
    }

    private static JsonElement? Property(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;
}
