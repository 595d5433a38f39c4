using ChatOps.LarkBotAdapter.Texts;

namespace ChatOps.LarkBotAdapter.Approvals;

// The approval as a plain thread message, for channels without approval cards: the same facts as the card, and
// "reply approve <id> or reject <id>" in place of the buttons (a reply must name the proposal when several are pending).
public static class ApprovalText
{
    public static string Markdown(ApprovalView view)
    {
        var record = view.Record;
        var lines = new List<string>
        {
            $"**{view.Heading}** ({record.Id})",
            ApprovalTexts.AskedByPlain(view.Language, record.Turn.SenderId, record.Profile ?? "default"),
        };
        foreach (var field in record.Fields)
        {
            lines.Add(field.Value.Contains('\n', StringComparison.Ordinal)
                ? $"**{field.Name}**:\n```\n{field.Value.Replace("```", "ˋˋˋ", StringComparison.Ordinal)}\n```"
                : $"**{field.Name}**: `{field.Value.Replace("`", "ˋ", StringComparison.Ordinal)}`");
        }
        var approvers = view.Approvers.Count == 0 ? ApprovalTexts.NoApprovers(view.Language) : string.Join(", ", view.Approvers);
        lines.Add(ApprovalTexts.WhoMayApprove(view.Language, label => label, approvers));
        lines.Add(view.StatusLine + " " + ApprovalTexts.ReplyToDecide(view.Language, record.Id));
        return string.Join("\n\n", lines);
    }
}
