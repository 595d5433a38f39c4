using System.Text.Json;

namespace ChatOps.LarkBotAdapter.Channels.Lark.Inbound;

// A click on an interactive card (card.action.trigger, schema 2.0): who clicked, on which message, and the value the
// card gave the component (string fields; other JSON values as their raw text).
// OperatorOpenId: the clicker's open_id. MessageId / ChatId: where the card is (empty when Lark leaves them out).
public sealed record LarkCardAction(
    string OperatorOpenId,
    string? OperatorUserId,
    string MessageId,
    string ChatId,
    string Tag,
    IReadOnlyDictionary<string, string> Value)
{
    // Most value fields read; a button's value is ours and holds a handful.
    private const int MaxValueFields = 32;

    internal static LarkCardAction Read(JsonElement body)
    {
        var operatorObject = LarkJson.RequiredObject(body, "operator", "event.operator");
        var action = LarkJson.RequiredObject(body, "action", "event.action");
        var context = LarkJson.OptionalObject(body, "context", "event.context");
        var value = new Dictionary<string, string>(StringComparer.Ordinal);
        if (action.TryGetProperty("value", out var raw) && raw.ValueKind == JsonValueKind.Object)
        {
            foreach (var field in raw.EnumerateObject().Take(MaxValueFields))
            {
                value[field.Name] = field.Value.ValueKind == JsonValueKind.String ? field.Value.GetString()! : field.Value.GetRawText();
            }
        }
        return new LarkCardAction(
            LarkJson.RequiredString(operatorObject, "open_id", "event.operator.open_id"),
            LarkJson.OptionalString(operatorObject, "user_id", "event.operator.user_id"),
            context is { } c ? LarkJson.OptionalString(c, "open_message_id", "event.context.open_message_id") ?? "" : "",
            context is { } d ? LarkJson.OptionalString(d, "open_chat_id", "event.context.open_chat_id") ?? "" : "",
            LarkJson.OptionalString(action, "tag", "event.action.tag") ?? "",
            value);
    }
}
