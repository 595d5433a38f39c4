using System.Text.Json;
using System.Text.Json.Nodes;
using ChatOps.LarkBotAdapter.Channels.Slack.Rendering;
using ChatOps.LarkBotAdapter.Feedback;

namespace ChatOps.LarkBotAdapter.Channels.Slack.Live;

// The Block Kit of live answers: the answer as a markdown block (standard Markdown, as streams take it), the footer as
// a context line, and the 👍/👎 of a finished answer as a context_actions block with a feedback_buttons element whose
// button values are the compact JSON of AnswerFeedback.Values (what SlackInteractionIngress reads back).
public static class SlackLiveBlocks
{
    public const string FeedbackActionId = "answer_feedback";

    // Slack keeps at most this many characters of a button value.
    public const int MaxButtonValueChars = 2000;

    private static readonly JsonSerializerOptions Compact = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    // The whole message: markdown (its ping syntax broken, SlackStreamMentions), then what Under adds.
    public static JsonArray Answer(string markdown, string? footer, AnswerFeedback? feedback)
    {
        var blocks = new JsonArray { new JsonObject { ["type"] = "markdown", ["text"] = markdown.Length == 0 ? " " : SlackStreamMentions.Neutralize(markdown) } };
        foreach (var block in UnderBlocks(footer, feedback))
        {
            blocks.Add(block);
        }
        return blocks;
    }

    // What goes under the answer's text: the footer line and the feedback buttons (null when neither).
    public static JsonArray? Under(string? footer, AnswerFeedback? feedback) =>
        UnderBlocks(footer, feedback) is { Count: > 0 } blocks ? new JsonArray([.. blocks]) : null;

    private static List<JsonNode> UnderBlocks(string? footer, AnswerFeedback? feedback)
    {
        var blocks = new List<JsonNode>();
        if (!string.IsNullOrWhiteSpace(footer))
        {
            blocks.Add(new JsonObject
            {
                ["type"] = "context",
                ["elements"] = new JsonArray { new JsonObject { ["type"] = "mrkdwn", ["text"] = SlackText.Escape(footer) } },
            });
        }
        if (feedback is not null && FeedbackButtons(feedback) is { } buttons)
        {
            blocks.Add(new JsonObject { ["type"] = "context_actions", ["elements"] = new JsonArray { buttons } });
        }
        return blocks;
    }

    // Null when a value would not fit Slack's limit (an answer key far longer than any platform's).
    public static JsonObject? FeedbackButtons(AnswerFeedback feedback)
    {
        var positive = ButtonValue(feedback, Vote.Up);
        var negative = ButtonValue(feedback, Vote.Down);
        if (positive.Length > MaxButtonValueChars || negative.Length > MaxButtonValueChars)
        {
            return null;
        }
        return new JsonObject
        {
            ["type"] = "feedback_buttons",
            ["action_id"] = FeedbackActionId,
            ["positive_button"] = Button("👍", "Good answer", positive),
            ["negative_button"] = Button("👎", "Bad answer", negative),
        };
    }

    public static string ButtonValue(AnswerFeedback feedback, Vote vote)
    {
        var value = new JsonObject();
        foreach (var (key, text) in feedback.Values(vote))
        {
            value[key] = text;
        }
        return value.ToJsonString(Compact);
    }

    private static JsonObject Button(string emoji, string label, string value) => new()
    {
        ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = emoji, ["emoji"] = true },
        ["accessibility_label"] = label,
        ["value"] = value,
    };
}
