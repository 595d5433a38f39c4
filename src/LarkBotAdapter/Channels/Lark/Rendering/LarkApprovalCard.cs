using System.Text.Json;
using ChatOps.LarkBotAdapter.Channels.Lark.Inbound;
using ChatOps.LarkBotAdapter.Conversations.Approvals;
using ChatOps.LarkBotAdapter.Scrubbing;
using ChatOps.LarkBotAdapter.Texts;

namespace ChatOps.LarkBotAdapter.Channels.Lark.Rendering;

// The approval card (card JSON 2.0, shared so everyone sees its state): what will be done — every argument shown
// verbatim in code, so nothing the model wrote can format, mention or hide — who asked, who may approve, until when,
// and Approve / Reject buttons while it is open. Decided cards keep the arguments and say who decided when. Values are
// scrubbed here, so every way the card leaves (posted, updated, returned to a click) masks alike, and at tags in them
// mention nobody.
public static class LarkApprovalCard
{
    public static string Json(ApprovalCard card) => LarkCardJson.Write(json => Write(json, ApprovalCardScrubber.Scrub(card)));

    private static void Write(Utf8JsonWriter json, ApprovalCard card)
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
        json.WriteString("template", card.State switch
        {
            ApprovalCardState.Pending => "orange",
            ApprovalCardState.Approved or ApprovalCardState.Executed => "green",
            ApprovalCardState.Failed or ApprovalCardState.Rejected => "red",
            _ => "grey",
        });
        json.WriteEndObject();
        json.WriteStartObject("body");
        json.WriteStartArray("elements");
        Markdown(json, ApprovalTexts.AskedBy(
            card.Language, Bold, $"<at id={Id(card.AskerId)}></at>", Code(card.ProposalId), Code(card.Profile)));
        Markdown(json, string.Join("\n", card.Fields.Select(Field)));
        var approvers = card.Approvers.Count == 0
            ? ApprovalTexts.NoApprovers(card.Language)
            : string.Join(" ", card.Approvers.Select(a => $"<at id={Id(a)}></at>"));
        Markdown(json, ApprovalTexts.WhoMayApprove(card.Language, Bold, approvers)
            + (card.SelfApproval ? "" : ApprovalTexts.NotTheAsker(card.Language)));
        if (card.ShownResult is { } result)
        {
            Markdown(json, Block(LarkCardJson.Clip(result, 2_000)));
        }
        Markdown(json, card.StatusLine, notation: true);
        if (card.IsOpen)
        {
            json.WriteStartObject();
            json.WriteString("tag", "column_set");
            json.WriteString("flex_mode", "none");
            json.WriteString("horizontal_spacing", "small");
            json.WriteStartArray("columns");
            LarkCardJson.ButtonColumn(json, ApprovalTexts.Approve(card.Language), "primary", ApprovalButton.Fields(card, approve: true));
            LarkCardJson.ButtonColumn(json, ApprovalTexts.Reject(card.Language), "danger", ApprovalButton.Fields(card, approve: false));
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    // One argument: its name in bold, its value as code (a block when it has several lines).
    private static string Field(ApprovalCardField field) =>
        field.Value.Contains('\n', StringComparison.Ordinal) || field.Value.Length > 120
            ? $"**{Plain(field.Name)}**\n{Block(LarkCardJson.Clip(field.Value, 6_000))}"
            : $"**{Plain(field.Name)}**: {Code(field.Value)}";

    // A label in the card's bold.
    private static string Bold(string label) => $"**{label}**";

    private static string Code(string value) => "`" + LarkMentions.Neutralize(value).Replace("`", "ˋ", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal) + "`";

    private static string Block(string value) => "```\n" + LarkMentions.Neutralize(value).Replace("```", "ˋˋˋ", StringComparison.Ordinal) + "\n```";

    // Names come from the proxy's fixed list; still, nothing in them may become markup.
    private static string Plain(string value) => new(value.Where(c => char.IsLetterOrDigit(c) || c is ' ' or '_' or '-').ToArray());

    // Lark ids are letters, digits, underscores and dashes.
    private static string Id(string value) => new(value.Where(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-').ToArray());

    private static void Markdown(Utf8JsonWriter json, string content, bool notation = false)
    {
        json.WriteStartObject();
        json.WriteString("tag", "markdown");
        json.WriteString("content", content.Length == 0 ? "\u00a0" : content);
        if (notation)
        {
            json.WriteString("text_size", "notation");
        }
        json.WriteEndObject();
    }
}
