using ChatOps.LarkBotAdapter.Conversations.Approvals;
using ChatOps.LarkBotAdapter.Texts;

namespace ChatOps.LarkBotAdapter.Approvals;

// The approval as a plain thread message, for channels without approval cards: the same facts as the card, and
// "reply approve <id> or reject <id>" in place of the buttons (a reply must name the proposal when several are pending).
public static class ApprovalText
{
    public static string Markdown(ApprovalCard card)
    {
        var lines = new List<string>
        {
            $"**{card.Heading}** ({card.ProposalId})",
            ApprovalTexts.AskedByPlain(card.Language, card.AskerId, card.Profile),
        };
        foreach (var field in card.Fields)
        {
            lines.Add(field.Value.Contains('\n', StringComparison.Ordinal)
                ? $"**{field.Name}**:\n```\n{field.Value.Replace("```", "ˋˋˋ", StringComparison.Ordinal)}\n```"
                : $"**{field.Name}**: `{field.Value.Replace("`", "ˋ", StringComparison.Ordinal)}`");
        }
        var approvers = card.Approvers.Count == 0 ? ApprovalTexts.NoApprovers(card.Language) : string.Join(", ", card.Approvers);
        lines.Add(ApprovalTexts.WhoMayApprove(card.Language, label => label, approvers));
        lines.Add(card.StatusLine + " " + ApprovalTexts.ReplyToDecide(card.Language, card.ProposalId));
        return string.Join("\n\n", lines);
    }
}
