using System.Text.Json;
using System.Text.Json.Serialization;
using ChatOps.LarkBotAdapter.Texts;

namespace ChatOps.LarkBotAdapter.Channels.Lark.Inbound;

// The answer to a card callback: a toast the clicker sees (or {} for nothing), and the card's new look. English and Chinese both go along
// (i18n), and Lark shows the one of the client's language.
public sealed record LarkCardCallbackReply(
    [property: JsonPropertyName("toast"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] LarkToast? Toast,
    [property: JsonPropertyName("card"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] LarkCardUpdate? Card = null);

// The card to show instead of the clicked one, at once: card JSON 2.0 as an object (type raw).
public sealed record LarkCardUpdate(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("data")] JsonElement Data)
{
    public static LarkCardUpdate Raw(string cardJson)
    {
        using var document = JsonDocument.Parse(cardJson);
        return new LarkCardUpdate("raw", document.RootElement.Clone());
    }
}

// Type: success, info, warning or error.
public sealed record LarkToast(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("content")] string Content,
    [property: JsonPropertyName("i18n")] IReadOnlyDictionary<string, string> I18n)
{
    public static LarkToast Of(string type, string english, string chinese) =>
        new(type, english, new Dictionary<string, string>(StringComparer.Ordinal) { ["en_us"] = english, ["zh_cn"] = chinese });

    // A toast in both languages from one text.
    public static LarkToast Of(string type, Func<TurnLanguage, string> text) => Of(type, text(TurnLanguage.English), text(TurnLanguage.Chinese));
}

[JsonSerializable(typeof(LarkCardCallbackReply))]
internal sealed partial class LarkCallbackJsonContext : JsonSerializerContext;
