namespace ChatOps.LarkBotAdapter.Approvals;

// A plain reply in the thread that decides the pending proposal, as the seed's owners type it: "Approve", "approved",
// "LGTM", "批准", "同意" or "Reject", "rejected", "拒绝", "驳回" (case and trailing punctuation ignored). Anything longer is a
// question, not a decision.
public static class ApprovalReply
{
    private static readonly HashSet<string> Approvals = new(StringComparer.OrdinalIgnoreCase) { "approve", "approved", "lgtm", "批准", "同意" };
    private static readonly HashSet<string> Rejections = new(StringComparer.OrdinalIgnoreCase) { "reject", "rejected", "deny", "拒绝", "驳回" };

    // True for approve, false for reject, null for anything else.
    public static bool? TryParse(string text)
    {
        var word = text.Trim().TrimEnd('.', '!', '。', '！', ' ');
        return Approvals.Contains(word) ? true : Rejections.Contains(word) ? false : null;
    }
}
