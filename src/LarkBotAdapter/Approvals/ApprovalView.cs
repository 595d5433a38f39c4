using System.Globalization;
using ChatOps.LarkBotAdapter.Routing;

namespace ChatOps.LarkBotAdapter.Approvals;

// What an approval card shows: the record, who may approve it (user ids of the card's platform) and the wording in
// the asker's language. Channels only lay it out.
public sealed record ApprovalView(ApprovalRecord Record, IReadOnlyList<string> Approvers, bool SelfApproval)
{
    // The value a card's buttons carry back.
    public const string Action = "approval";

    public bool Chinese => Language.LooksChinese(Record.Turn.Text);

    public string Heading => Record.State switch
    {
        ApprovalState.Pending => Pick("Approval needed: ", "需要审批：") + Record.Title,
        ApprovalState.Approved => Pick("Approved, running: ", "已批准，执行中：") + Record.Title,
        ApprovalState.Executed => Pick("Done: ", "已完成：") + Record.Title,
        ApprovalState.Failed => Pick("Failed: ", "执行失败：") + Record.Title,
        ApprovalState.Rejected => Pick("Rejected: ", "已拒绝：") + Record.Title,
        _ => Pick("Expired: ", "已过期：") + Record.Title,
    };

    // The line under the arguments: who decided and when, or until when it may be decided.
    public string StatusLine => StatusLineNaming(id => id);

    // The status line with the decider's user id written by mention (as a Slack <@U…>, say).
    public string StatusLineNaming(Func<string, string> mention)
    {
        var who = mention(DeciderId);
        return Record.State switch
        {
            ApprovalState.Pending => Pick($"Expires {Time(Record.ExpiresAt)}.", $"{Time(Record.ExpiresAt)} 过期。"),
            ApprovalState.Approved => Pick($"Approved by {who} at {Time(Record.DecidedAt)}; running.", $"{who} 于 {Time(Record.DecidedAt)} 批准，正在执行。"),
            ApprovalState.Executed => Pick($"Approved by {who} at {Time(Record.DecidedAt)}, done.", $"{who} 于 {Time(Record.DecidedAt)} 批准，已完成。"),
            ApprovalState.Failed => Pick($"Approved by {who} at {Time(Record.DecidedAt)}; it failed.", $"{who} 于 {Time(Record.DecidedAt)} 批准，执行失败。"),
            ApprovalState.Rejected => Pick($"Rejected by {who} at {Time(Record.DecidedAt)}.", $"{who} 于 {Time(Record.DecidedAt)} 拒绝。"),
            _ => Pick($"Expired at {Time(Record.ExpiresAt)} without a decision.", $"已于 {Time(Record.ExpiresAt)} 过期，未获审批。"),
        };
    }

    public bool IsOpen => Record.State == ApprovalState.Pending;

    public IReadOnlyDictionary<string, string> ButtonValue(bool approve) => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["action"] = Action,
        ["decision"] = approve ? "approve" : "reject",
        ["proposal"] = Record.Id,
        ["hash"] = Record.ArgumentsHash,
    };

    public string Pick(string english, string chinese) => Chinese ? chinese : english;

    // The decider's user id without its platform prefix (for a mention).
    private string DeciderId => Record.DecidedBy is { } by ? by[(by.LastIndexOf(':') + 1)..] : "?";

    private static string Time(DateTimeOffset? at) =>
        at is { } t ? t.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) : "?";
}
