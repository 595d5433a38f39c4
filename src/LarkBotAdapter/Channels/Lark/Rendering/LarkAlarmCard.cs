using System.Text.Json;
using ChatOps.LarkBotAdapter.Channels.Lark.Inbound;
using ChatOps.LarkBotAdapter.Conversations.Alarms;

namespace ChatOps.LarkBotAdapter.Channels.Lark.Rendering;

// An alarm's root message (card JSON 2.0, shared so its resolved state shows for everyone): the heading in the alarm's
// colour, each field's value as code (alarm text is untrusted: nothing in it may format, link or mention), the console
// link as a button.
public static class LarkAlarmCard
{
    public static string Json(AlarmCard card)
    {
        return LarkCardJson.Write(json =>
        {
            json.WriteStartObject();
            json.WriteString("schema", "2.0");
            json.WriteStartObject("config");
            json.WriteBoolean("update_multi", true);
            json.WriteEndObject();
            json.WriteStartObject("header");
            json.WriteStartObject("title");
            json.WriteString("tag", "plain_text");
            json.WriteString("content", LarkMentions.Neutralize(LarkCardJson.Clip(card.Heading, 200)));
            json.WriteEndObject();
            json.WriteString("template", card.Tone switch
            {
                AlarmTone.Firing => "red",
                AlarmTone.Resolved => "green",
                AlarmTone.Storm => "orange",
                _ => "grey",
            });
            json.WriteEndObject();
            json.WriteStartObject("body");
            json.WriteStartArray("elements");
            Markdown(json, string.Join("\n", card.Fields.Select(f => $"**{f.Label}**: {Code(f.Value)}")));
            if (card.Link is { } link)
            {
                Link(json, link);
            }
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
        });
    }

    private static void Link(Utf8JsonWriter json, string link)
    {
        json.WriteStartObject();
        json.WriteString("tag", "button");
        json.WriteStartObject("text");
        json.WriteString("tag", "plain_text");
        json.WriteString("content", "CloudWatch console");
        json.WriteEndObject();
        json.WriteString("type", "default");
        json.WriteStartArray("behaviors");
        json.WriteStartObject();
        json.WriteString("type", "open_url");
        json.WriteString("default_url", link);
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static string Code(string value) =>
        "`" + LarkMentions.Neutralize(LarkCardJson.Clip(value, 1_000)).Replace("`", "ˋ", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal) + "`";

    private static void Markdown(Utf8JsonWriter json, string content)
    {
        json.WriteStartObject();
        json.WriteString("tag", "markdown");
        json.WriteString("content", content.Length == 0 ? "\u00a0" : content);
        json.WriteEndObject();
    }
}
