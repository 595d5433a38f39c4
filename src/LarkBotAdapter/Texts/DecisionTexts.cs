namespace ChatOps.LarkBotAdapter.Texts;

// What a decision attempt answers (toast, ephemeral message or thread reply), and a plain-text decision's replies when
// it cannot tell which proposal is meant.
internal static class DecisionTexts
{
    public static string Approved(TurnLanguage language) =>
        language.Pick("Approved. Running it now; the result will be posted in the thread.", "已批准，正在执行，结果会发在消息串里。");

    public static string Rejected(TurnLanguage language) => language.Pick("Rejected. Nothing will be done.", "已拒绝，不会执行任何操作。");

    public static string NobodyMayApprove(TurnLanguage language) => language.Pick(
        "Nobody may approve this: no approvers are configured (OPS_APPROVER_IDS).", "没有配置审批人（OPS_APPROVER_IDS），无人可以批准。");

    public static string OnlyApprovers(TurnLanguage language, string approvers) =>
        language.Pick($"Only these approvers may approve this: {approvers}.", $"只有以下审批人可以批准：{approvers}。");

    public static string AlreadyDecided(TurnLanguage language, string statusLine) =>
        language.Pick($"Already decided: {statusLine}", $"已处理：{statusLine}");

    public static string Expired(TurnLanguage language) =>
        language.Pick("This proposal has expired; ask again to get a new one.", "该提案已过期，请重新提问以生成新提案。");

    public static string Unknown(TurnLanguage language) => language.Pick("This approval is not known (any more).", "找不到该审批。");

    public static string NotRecorded(TurnLanguage language) =>
        language.Pick("The decision could not be recorded right now. Please try again.", "暂时无法记录决定，请稍后重试。");

    // A plain-text decision's reply: the proposal it decided, then how.
    public static string Decided(TurnLanguage language, string proposal, string title, string described) =>
        language.Pick($"{proposal} “{title}”: {described}", $"{proposal}「{title}」：{described}");

    // How to name a proposal in a reply: "approve P-…" / "批准 P-…".
    public static string Example(TurnLanguage language, bool approve, string proposal) =>
        (approve ? language.Pick("approve ", "批准 ") : language.Pick("reject ", "拒绝 ")) + proposal;

    // Several are pending and the reply names none; the list of pending ones follows.
    public static string SeveralPending(TurnLanguage language, int count, string example) => language.Pick(
        $"{count} proposals are pending in this thread, so nothing was done. Name the one you mean, e.g. “{example}”:",
        $"此消息串中有 {count} 个待审批的提案，因此没有执行任何操作。请写明提案编号，例如“{example}”：");

    public static string NotInThread(TurnLanguage language, string named) => language.Pick(
        $"{named} is not a proposal of this thread, so nothing was done.",
        $"{named} 不是此消息串中的提案，因此没有执行任何操作。");

    public static string NonePending(TurnLanguage language) =>
        language.Pick("No proposal is pending in this thread.", "此消息串中没有待审批的提案。");

    // The list of pending ones follows.
    public static string PendingHeading(TurnLanguage language) => language.Pick("Pending in this thread:", "待审批的提案：");
}
