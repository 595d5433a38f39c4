using System.Globalization;
using ChatOps.LarkBotAdapter.Texts;

namespace ChatOps.LarkBotAdapter.Approvals;

// What an approval card shows: the record, who may approve it (user ids of the card's platform) and the wording in
// the asker's language. Channels only lay it out.
public sealed record ApprovalView(ApprovalRecord Record, IReadOnlyList<string> Approvers, bool SelfApproval)
{
    // The value a card's buttons carry back.
    public const string Action = "approval";

    // The asker's language, decided once per view from the question the record keeps.
    public TurnLanguage Language { get; } = TurnLanguage.Of(Record.Turn.Text);

    public string Heading => Record.State switch
    {
        ApprovalState.Pending => ApprovalTexts.HeadingPending(Language) + Record.Title,
        ApprovalState.Approved => ApprovalTexts.HeadingApproved(Language) + Record.Title,
        ApprovalState.Executed => ApprovalTexts.HeadingExecuted(Language) + Record.Title,
        ApprovalState.Failed => ApprovalTexts.HeadingFailed(Language) + Record.Title,
        ApprovalState.Rejected => ApprovalTexts.HeadingRejected(Language) + Record.Title,
        _ => ApprovalTexts.HeadingExpired(Language) + Record.Title,
    };

    // The line under the arguments: who decided and when, or until when it may be decided.
    public string StatusLine => StatusLineNaming(id => id);

    // The status line with the decider's user id written by mention (as a Slack <@U…>, say).
    public string StatusLineNaming(Func<string, string> mention)
    {
        var who = mention(DeciderId);
        return Record.State switch
        {
            ApprovalState.Pending => ApprovalTexts.Expires(Language, Time(Record.ExpiresAt)),
            ApprovalState.Approved => ApprovalTexts.ApprovedRunning(Language, who, Time(Record.DecidedAt)),
            ApprovalState.Executed => ApprovalTexts.ApprovedDone(Language, who, Time(Record.DecidedAt)),
            ApprovalState.Failed => ApprovalTexts.ApprovedFailed(Language, who, Time(Record.DecidedAt)),
            ApprovalState.Rejected => ApprovalTexts.RejectedBy(Language, who, Time(Record.DecidedAt)),
            _ => ApprovalTexts.ExpiredUndecided(Language, Time(Record.ExpiresAt)),
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

    // The decider's user id without its platform prefix (for a mention).
    private string DeciderId => Record.DecidedBy is { } by ? by[(by.LastIndexOf(':') + 1)..] : "?";

    private static string Time(DateTimeOffset? at) =>
        at is { } t ? t.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) : "?";
}
