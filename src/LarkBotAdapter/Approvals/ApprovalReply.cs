using System.Text.RegularExpressions;

namespace ChatOps.LarkBotAdapter.Approvals;

// A plain reply in the thread that decides a proposal, as the seed's owners type it: "Approve", "approved", "LGTM",
// "批准", "同意" or "Reject", "rejected", "拒绝", "驳回", optionally followed by the proposal's id ("approve P-7Q2K9",
// "批准 P-7Q2K9"); case, extra spaces, a leading @mention and trailing punctuation are ignored. Anything longer is a
// question, not a decision.
public static partial class ApprovalReply
{
    private static readonly HashSet<string> Approvals = new(StringComparer.OrdinalIgnoreCase) { "approve", "approved", "lgtm", "批准", "同意" };
    private static readonly HashSet<string> Rejections = new(StringComparer.OrdinalIgnoreCase) { "reject", "rejected", "deny", "拒绝", "驳回" };

    // The decision, or null for anything else.
    public static ApprovalCommand? TryParse(string text)
    {
        var match = Pattern().Match(text);
        if (!match.Success)
        {
            return null;
        }
        var word = match.Groups["word"].Value;
        var id = match.Groups["id"] is { Success: true } named ? named.Value : null;
        return Approvals.Contains(word) ? new ApprovalCommand(true, id) : Rejections.Contains(word) ? new ApprovalCommand(false, id) : null;
    }

    [GeneratedRegex(@"^\s*(?:@\S+\s+)*(?<word>[^\s:：.!。！]+?)\s*(?:[:：]?\s*(?<id>P-[A-Za-z0-9]{1,64}))?[\s.!。！]*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
