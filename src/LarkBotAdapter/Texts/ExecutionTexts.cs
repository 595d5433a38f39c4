namespace ChatOps.LarkBotAdapter.Texts;

// What the thread reads about a proposal: the line the answer shows for it, and the result of running it.
internal static class ExecutionTexts
{
    public static string Offered(TurnLanguage language, string proposal, string title) => language.Pick(
        $"\n\n📝 Proposal {proposal}: {title}. Nothing is done until an approver approves it on the card below.\n\n",
        $"\n\n📝 提案 {proposal}：{title}。审批人在下方卡片上批准之前不会执行。\n\n");

    public static string Damaged(TurnLanguage language, string proposal) => language.Pick(
        $"\n\n⚠️ Proposal {proposal} arrived damaged and is not offered for approval.\n\n",
        $"\n\n⚠️ 提案 {proposal} 已损坏，不提交审批。\n\n");

    public static string NotOffered(TurnLanguage language, string proposal, string why) => language.Pick(
        $"\n\n⚠️ Proposal {proposal} is not offered for approval: {why}\n\n",
        $"\n\n⚠️ 提案 {proposal} 不提交审批：{why}\n\n");

    public static string CardNotShown(TurnLanguage language, string proposal, string title) => language.Pick(
        $"\n\n⚠️ The agent proposed “{title}” ({proposal}), but the approval card could not be shown; nothing will be done.\n\n",
        $"\n\n⚠️ 代理提出了“{title}”（{proposal}），但审批卡片无法显示；不会执行任何操作。\n\n");

    // Why nothing was run: the stored proposal fails its hash, or the proxy refused it (404, 409, 410).
    public static string HashMismatch(TurnLanguage language) =>
        language.Pick("the stored proposal does not match its hash; nothing was run.", "存储的提案与其哈希不符，未执行。");

    public static string ProxyForgot(TurnLanguage language) =>
        language.Pick("the proxy no longer knows this proposal; nothing was run.", "代理已不认识该提案，未执行。");

    public static string ProxyArgumentsDiffer(TurnLanguage language) => language.Pick(
        "the proxy refused it: the arguments are not the ones it proposed. Nothing was run.", "代理拒绝执行：参数与提案不符，未执行。");

    public static string ProxyTooOld(TurnLanguage language) =>
        language.Pick("the proxy refused it: the proposal is too old. Nothing was run.", "代理拒绝执行：提案已过期，未执行。");

    public static string ResultNotShown(TurnLanguage language, string proposal, string why) =>
        language.Pick($"⚠️ **The result of proposal {proposal} is not shown**: {why}", $"⚠️ **提案 {proposal} 的执行结果未显示**：{why}");

    public static string Done(TurnLanguage language, string title, string proposal) =>
        language.Pick($"✅ **Done: {title}** ({proposal})", $"✅ **已完成：{title}**（{proposal}）");

    public static string Failed(TurnLanguage language, string title, string proposal) =>
        language.Pick($"❌ **Failed: {title}** ({proposal})", $"❌ **执行失败：{title}**（{proposal}）");

    public static string SupportCase(TurnLanguage language, string caseId) => language.Pick($"Support case: {caseId}", $"支持工单：{caseId}");

    public static string ExitCode(TurnLanguage language, int exitCode) => language.Pick($"Exit code {exitCode}.", $"退出码 {exitCode}。");
}
