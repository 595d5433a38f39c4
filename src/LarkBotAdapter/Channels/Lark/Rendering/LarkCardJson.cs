using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ChatOps.LarkBotAdapter.Channels.Lark.Inbound;
using ChatOps.LarkBotAdapter.Feedback;

namespace ChatOps.LarkBotAdapter.Channels.Lark.Rendering;

// The card JSON 2.0 of a streaming answer card: streaming mode on, shared (update_multi, which
// streaming requires), one markdown element for the answer and one small one for the status line or footer.
// Also the finished card that ends a segmented answer (Finished).
public static class LarkCardJson
{
    // The answer's markdown element (element ids: letters, digits, underscores, starting with a letter, ≤ 20).
    public const string AnswerElement = "answer";

    public const string StatusElement = "status";

    // The row of feedback buttons added when the answer is done.
    public const string FeedbackElement = "feedback";

    private static readonly JsonWriterOptions Writer = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Streaming(string answer, string status)
    {
        return Write(json =>
        {
            json.WriteStartObject();
            json.WriteString("schema", "2.0");
            json.WriteStartObject("config");
            json.WriteBoolean("streaming_mode", true);
            json.WriteBoolean("update_multi", true);
            json.WriteEndObject();
            json.WriteStartObject("body");
            json.WriteStartArray("elements");
            Markdown(json, AnswerElement, answer, notation: false);
            Markdown(json, StatusElement, status, notation: true);
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
        });
    }

    // The content of an interactive reply that shows card entity cardId.
    public static string Reference(string cardId)
    {
        return Write(json =>
        {
            json.WriteStartObject();
            json.WriteString("type", "card");
            json.WriteStartObject("data");
            json.WriteString("card_id", cardId);
            json.WriteEndObject();
            json.WriteEndObject();
        });
    }

    // The row of 👍/👎 buttons under a finished answer (a JSON array for the append-elements call): each button's
    // callback carries the answer's feedback values, which Lark echoes in the card.action.trigger callback.
    public static string FeedbackRow(AnswerFeedback feedback)
    {
        return Write(json =>
        {
            json.WriteStartArray();
            FeedbackColumns(json, feedback);
            json.WriteEndArray();
        });
    }

    // A whole finished card (not a card entity, not streaming) sent as an interactive reply: the answer's markdown
    // and the same row of 👍/👎 buttons a finished streaming card gets. The last segment of a segmented answer.
    public static string Finished(string answer, AnswerFeedback feedback)
    {
        return Write(json =>
        {
            json.WriteStartObject();
            json.WriteString("schema", "2.0");
            json.WriteStartObject("config");
            json.WriteBoolean("update_multi", true);
            json.WriteEndObject();
            json.WriteStartObject("body");
            json.WriteStartArray("elements");
            Markdown(json, AnswerElement, answer, notation: false);
            FeedbackColumns(json, feedback);
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
        });
    }

    // Lark rejects an empty markdown content, so an empty line shows a no-break space.
    // A markdown element's content: never empty (Lark refuses that), and mentioning nobody (LarkMentions).
    // JSON written by write, as text (CJK and emoji unescaped): every card and card reference is built this way.
    public static string Write(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Writer))
        {
            write(json);
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    // value cut to max characters, with "…" when cut.
    public static string Clip(string value, int max) => value.Length <= max ? value : value[..max] + "…";

    public static string NonEmpty(string text) => text.Length == 0 ? "\u00a0" : LarkMentions.Neutralize(text);

    // A column holding one button whose click is a callback carrying value (feedback and approval cards).
    internal static void ButtonColumn(Utf8JsonWriter json, string label, string type, IReadOnlyDictionary<string, string> value, string? size = null)
    {
        json.WriteStartObject();
        json.WriteString("tag", "column");
        json.WriteString("width", "auto");
        json.WriteStartArray("elements");
        json.WriteStartObject();
        json.WriteString("tag", "button");
        json.WriteStartObject("text");
        json.WriteString("tag", "plain_text");
        json.WriteString("content", label);
        json.WriteEndObject();
        json.WriteString("type", type);
        if (size is not null)
        {
            json.WriteString("size", size);
        }
        json.WriteStartArray("behaviors");
        json.WriteStartObject();
        json.WriteString("type", "callback");
        json.WriteStartObject("value");
        foreach (var (key, text) in value)
        {
            json.WriteString(key, text);
        }
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void FeedbackColumns(Utf8JsonWriter json, AnswerFeedback feedback)
    {
        json.WriteStartObject();
        json.WriteString("tag", "column_set");
        json.WriteString("element_id", FeedbackElement);
        json.WriteString("flex_mode", "none");
        json.WriteString("horizontal_spacing", "small");
        json.WriteStartArray("columns");
        ButtonColumn(json, "👍", "default", feedback.Values(Vote.Up), size: "small");
        ButtonColumn(json, "👎", "default", feedback.Values(Vote.Down), size: "small");
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void Markdown(Utf8JsonWriter json, string id, string content, bool notation)
    {
        json.WriteStartObject();
        json.WriteString("tag", "markdown");
        json.WriteString("element_id", id);
        json.WriteString("content", NonEmpty(content));
        if (notation)
        {
            json.WriteString("text_size", "notation");
        }
        json.WriteEndObject();
    }
}
