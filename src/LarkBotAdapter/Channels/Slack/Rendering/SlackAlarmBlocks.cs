using System.Text.Json.Nodes;
using ChatOps.LarkBotAdapter.Conversations.Alarms;

namespace ChatOps.LarkBotAdapter.Channels.Slack.Rendering;

// An alarm's root message as Block Kit: a header, one section of fields (values escaped and in code, so alarm text
// cannot format, mention or link), and the console link as a URL button. Values longer than a section allows are cut.
public static class SlackAlarmBlocks
{
    private const int MaxValueChars = 1_000;

    public static JsonArray Blocks(AlarmCard card)
    {
        var fields = string.Join("\n", card.Fields.Select(f => $"*{f.Label}:* {Code(f.Value)}"));
        var blocks = new JsonArray
        {
            new JsonObject
            {
                ["type"] = "header",
                ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = Clip(Icon(card.Tone) + card.Heading, 150) },
            },
            new JsonObject
            {
                ["type"] = "section",
                ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = Clip(fields, 3_000) },
            },
        };
        if (card.Link is { } link)
        {
            blocks.Add(new JsonObject
            {
                ["type"] = "actions",
                ["elements"] = new JsonArray
                {
                    new JsonObject
                    {
                        ["type"] = "button",
                        ["action_id"] = "chatops_alarm_console",
                        ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = "CloudWatch console" },
                        ["url"] = link,
                    },
                },
            });
        }
        return blocks;
    }

    // The notification text: the heading, escaped.
    public static string Text(AlarmCard card) => SlackText.Escape(Icon(card.Tone) + card.Heading);

    private static string Icon(AlarmTone tone) => tone switch
    {
        AlarmTone.Firing => "🔴 ",
        AlarmTone.Resolved => "✅ ",
        AlarmTone.Storm => "🌩️ ",
        _ => "⚪ ",
    };

    private static string Code(string value) =>
        "`" + SlackText.Escape(Clip(value, MaxValueChars)).Replace("`", "ˋ", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal) + "`";

    private static string Clip(string value, int max) => value.Length <= max ? value : value[..(max - 1)] + "…";
}
