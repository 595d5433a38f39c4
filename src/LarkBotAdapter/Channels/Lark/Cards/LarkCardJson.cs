using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ChatOps.LarkBotAdapter.Channels.Lark.Cards;

// The card JSON 2.0 of a streaming answer card: streaming mode on, shared (update_multi, which
// streaming requires), one markdown element for the answer and one small one for the status line or footer.
public static class LarkCardJson
{
    // The answer's markdown element (element ids: letters, digits, underscores, starting with a letter, ≤ 20).
    public const string AnswerElement = "answer";

    public const string StatusElement = "status";

    private static readonly JsonWriterOptions Writer = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Streaming(string answer, string status)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Writer))
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
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    // The content of an interactive reply that shows card entity cardId.
    public static string Reference(string cardId)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Writer))
        {
            json.WriteStartObject();
            json.WriteString("type", "card");
            json.WriteStartObject("data");
            json.WriteString("card_id", cardId);
            json.WriteEndObject();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    // Lark rejects an empty markdown content, so an empty line shows a no-break space.
    public static string NonEmpty(string text) => text.Length == 0 ? "\u00a0" : text;

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
