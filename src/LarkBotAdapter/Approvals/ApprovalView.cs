using ChatOps.LarkBotAdapter.Conversations.Approvals;
using ChatOps.LarkBotAdapter.Texts;

namespace ChatOps.LarkBotAdapter.Approvals;

// What an approval card shows: the record, who may approve it (user ids of the card's platform) and the wording in
// the asker's language. Card is the platform-neutral model the channels lay out.
public sealed record ApprovalView(ApprovalRecord Record, IReadOnlyList<string> Approvers, bool SelfApproval)
{
    // The asker's language, decided once per view from the question the record keeps.
    public TurnLanguage Language { get; } = TurnLanguage.Of(Record.Turn.Text);

    public ApprovalCard Card => new(
        Record.Id, Record.ArgumentsHash, Record.Title, StateOf(Record.State),
        Record.Fields.Select(f => new ApprovalCardField(f.Name, f.Value)).ToArray(),
        Record.Turn.SenderId, Record.Profile ?? "default", Approvers, SelfApproval, Record.Result,
        DeciderId, Record.DecidedAt, Record.ExpiresAt, Language);

    public string Heading => Card.Heading;

    // The line under the arguments: who decided and when, or until when it may be decided.
    public string StatusLine => Card.StatusLine;

    // The status line with the decider's user id written by mention (as a Slack <@U…>, say).
    public string StatusLineNaming(Func<string, string> mention) => Card.StatusLineNaming(mention);

    public bool IsOpen => Record.State == ApprovalState.Pending;

    // The decider's user id without its platform prefix (for a mention).
    private string? DeciderId => Record.DecidedBy is { } by ? by[(by.LastIndexOf(':') + 1)..] : null;

    private static ApprovalCardState StateOf(ApprovalState state) => state switch
    {
        ApprovalState.Pending => ApprovalCardState.Pending,
        ApprovalState.Approved => ApprovalCardState.Approved,
        ApprovalState.Rejected => ApprovalCardState.Rejected,
        ApprovalState.Executed => ApprovalCardState.Executed,
        ApprovalState.Failed => ApprovalCardState.Failed,
        _ => ApprovalCardState.Expired,
    };
}
