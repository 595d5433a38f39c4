using System.Globalization;
using ChatOps.LarkBotAdapter.Texts;

namespace ChatOps.LarkBotAdapter.Conversations.Approvals;

// An approval card as every platform shows it, whatever the platform: what will be done (title and arguments), who asked
// and with which AWS profile, who may approve, the result once run, the status line, and the buttons while it is open.
// Approvals builds it from its record; channels only lay it out, and the scrubber masks its values.
public sealed record ApprovalCard(
    string ProposalId,
    string ArgumentsHash,
    string Title,
    ApprovalCardState State,
    IReadOnlyList<ApprovalCardField> Fields,
    string AskerId,
    string Profile,
    IReadOnlyList<string> Approvers,
    bool SelfApproval,
    string? Result,
    string? DeciderId,
    DateTimeOffset? DecidedAt,
    DateTimeOffset ExpiresAt,
    TurnLanguage Language)
{
    public string Heading => State switch
    {
        ApprovalCardState.Pending => ApprovalTexts.HeadingPending(Language) + Title,
        ApprovalCardState.Approved => ApprovalTexts.HeadingApproved(Language) + Title,
        ApprovalCardState.Executed => ApprovalTexts.HeadingExecuted(Language) + Title,
        ApprovalCardState.Failed => ApprovalTexts.HeadingFailed(Language) + Title,
        ApprovalCardState.Rejected => ApprovalTexts.HeadingRejected(Language) + Title,
        _ => ApprovalTexts.HeadingExpired(Language) + Title,
    };

    // The line under the arguments: who decided and when, or until when it may be decided.
    public string StatusLine => StatusLineNaming(id => id);

    // The status line with the decider's user id written by mention (as a Slack <@U…>, say).
    public string StatusLineNaming(Func<string, string> mention)
    {
        var who = mention(DeciderId ?? "?");
        return State switch
        {
            ApprovalCardState.Pending => ApprovalTexts.Expires(Language, Time(ExpiresAt)),
            ApprovalCardState.Approved => ApprovalTexts.ApprovedRunning(Language, who, Time(DecidedAt)),
            ApprovalCardState.Executed => ApprovalTexts.ApprovedDone(Language, who, Time(DecidedAt)),
            ApprovalCardState.Failed => ApprovalTexts.ApprovedFailed(Language, who, Time(DecidedAt)),
            ApprovalCardState.Rejected => ApprovalTexts.RejectedBy(Language, who, Time(DecidedAt)),
            _ => ApprovalTexts.ExpiredUndecided(Language, Time(ExpiresAt)),
        };
    }

    // Open cards carry the Approve / Reject buttons.
    public bool IsOpen => State == ApprovalCardState.Pending;

    // The result is shown once the proposal ran.
    public string? ShownResult => Result is { Length: > 0 } && State is ApprovalCardState.Executed or ApprovalCardState.Failed ? Result : null;

    private static string Time(DateTimeOffset? at) =>
        at is { } t ? t.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) : "?";
}
