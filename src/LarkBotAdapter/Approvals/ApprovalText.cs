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
            view.Pick($"Asked by {record.Turn.SenderId} · AWS profile `{record.Profile ?? "default"}`", $"提问人 {record.Turn.SenderId} · AWS 配置 `{record.Profile ?? "default"}`"),
        };
        foreach (var field in record.Fields)
        {
            lines.Add(field.Value.Contains('\n', StringComparison.Ordinal)
                ? $"**{field.Name}**:\n```\n{field.Value.Replace("```", "ˋˋˋ", StringComparison.Ordinal)}\n```"
                : $"**{field.Name}**: `{field.Value.Replace("`", "ˋ", StringComparison.Ordinal)}`");
        }
        var approvers = view.Approvers.Count == 0 ? view.Pick("none configured (OPS_APPROVER_IDS)", "未配置（OPS_APPROVER_IDS）") : string.Join(", ", view.Approvers);
        lines.Add(view.Pick($"Who may approve: {approvers}", $"审批人：{approvers}"));
        lines.Add(view.StatusLine + " " + view.Pick(
            $"An approver replies **approve {record.Id}** or **reject {record.Id}** in this thread.",
            $"审批人在此消息串回复 **批准 {record.Id}** 或 **拒绝 {record.Id}**。"));
        return string.Join("\n\n", lines);
    }
}
