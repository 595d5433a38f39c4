namespace ChatOps.LarkBotAdapter.Texts;

// The words of an approval card (Lark, Slack, or the plain thread message): each platform only lays them out. bold
// writes a label the way the platform's markup does (Lark **x**, Slack *x*, plain text as it is).
internal static class ApprovalTexts
{
    public static string HeadingPending(TurnLanguage language) => language.Pick("Approval needed: ", "需要审批：");

    public static string HeadingApproved(TurnLanguage language) => language.Pick("Approved, running: ", "已批准，执行中：");

    public static string HeadingExecuted(TurnLanguage language) => language.Pick("Done: ", "已完成：");

    public static string HeadingFailed(TurnLanguage language) => language.Pick("Failed: ", "执行失败：");

    public static string HeadingRejected(TurnLanguage language) => language.Pick("Rejected: ", "已拒绝：");

    public static string HeadingExpired(TurnLanguage language) => language.Pick("Expired: ", "已过期：");

    // The status lines: who decided and when (who, at), or until when it may be decided (at).
    public static string Expires(TurnLanguage language, string at) => language.Pick($"Expires {at}.", $"{at} 过期。");

    public static string ApprovedRunning(TurnLanguage language, string who, string at) =>
        language.Pick($"Approved by {who} at {at}; running.", $"{who} 于 {at} 批准，正在执行。");

    public static string ApprovedDone(TurnLanguage language, string who, string at) =>
        language.Pick($"Approved by {who} at {at}, done.", $"{who} 于 {at} 批准，已完成。");

    public static string ApprovedFailed(TurnLanguage language, string who, string at) =>
        language.Pick($"Approved by {who} at {at}; it failed.", $"{who} 于 {at} 批准，执行失败。");

    public static string RejectedBy(TurnLanguage language, string who, string at) =>
        language.Pick($"Rejected by {who} at {at}.", $"{who} 于 {at} 拒绝。");

    public static string ExpiredUndecided(TurnLanguage language, string at) =>
        language.Pick($"Expired at {at} without a decision.", $"已于 {at} 过期，未获审批。");

    // The card's first line: asker (as a mention), proposal id and AWS profile (as code), in the card's markup.
    public static string AskedBy(TurnLanguage language, Func<string, string> bold, string asker, string proposal, string profile) => language.Pick(
        $"{bold("Asked by")} {asker} · {bold("Proposal")} {proposal} · {bold("AWS profile")} {profile}",
        $"{bold("提问人")} {asker} · {bold("提案")} {proposal} · {bold("AWS 配置")} {profile}");

    // The plain thread message's first line (no proposal id: the heading carries it).
    public static string AskedByPlain(TurnLanguage language, string asker, string profile) =>
        language.Pick($"Asked by {asker} · AWS profile `{profile}`", $"提问人 {asker} · AWS 配置 `{profile}`");

    public static string WhoMayApprove(TurnLanguage language, Func<string, string> bold, string approvers) =>
        language.Pick($"{bold("Who may approve")}: {approvers}", $"{bold("审批人")}：{approvers}");

    public static string NoApprovers(TurnLanguage language) => language.Pick("none configured (OPS_APPROVER_IDS)", "未配置（OPS_APPROVER_IDS）");

    public static string NotTheAsker(TurnLanguage language) => language.Pick(" (not the asker)", "（提问人除外）");

    public static string Approve(TurnLanguage language) => language.Pick("Approve", "批准");

    public static string Reject(TurnLanguage language) => language.Pick("Reject", "拒绝");

    // In place of buttons, on the plain thread message.
    public static string ReplyToDecide(TurnLanguage language, string proposal) => language.Pick(
        $"An approver replies **approve {proposal}** or **reject {proposal}** in this thread.",
        $"审批人在此消息串回复 **批准 {proposal}** 或 **拒绝 {proposal}**。");

    // Slack: argument sections beyond its block limit.
    public static string SectionsHidden(TurnLanguage language, int hidden, int maxBlocks) => language.Pick(
        $"⚠️ *{hidden} more argument sections are not shown here* (Slack allows {maxBlocks} blocks per message).",
        $"⚠️ *另有 {hidden} 段参数未在此显示*（Slack 每条消息最多 {maxBlocks} 个区块）。");

    // Slack: the end of a code block cut to fit a section.
    public static string CutHere(TurnLanguage language, int more) => language.Pick(
        $"\n_… cut here: {more:N0} more characters not shown._",
        $"\n_…此处截断：另有 {more:N0} 个字符未显示。_");
}
