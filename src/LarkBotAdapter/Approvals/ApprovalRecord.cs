using ChatOps.Contracts;
using ChatOps.LarkBotAdapter.Conversations;

namespace ChatOps.LarkBotAdapter.Approvals;

// A proposal as the bot keeps it (state table, 90 days): exactly what the approval card shows and what the proxy is
// asked to execute, where it was asked (the asker's turn, for replies in its thread), and what became of it.
public sealed record ApprovalRecord(
    string Id,
    string Kind,
    string Title,
    IReadOnlyList<ApprovalField> Fields,
    string? Profile,
    string ArgumentsHash,
    ChatTurn Turn,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt,
    ApprovalState State = ApprovalState.Pending,
    string? CardRef = null,
    string? DecidedBy = null,
    DateTimeOffset? DecidedAt = null,
    string? Result = null)
{
    // The asker, platform-qualified (lark:ou_…, slack:T…:U…).
    public string Asker => Voter.Of(Turn.Platform, Turn.AppId, Turn.SenderId);

    // The hash of what this record shows, computed the proxy's way: it must equal ArgumentsHash, or the record is not
    // what the proxy proposed and is never executed.
    public bool IsIntact =>
        QCliProposalHash.Matches(QCliProposalHash.Compute(Id, Kind, Profile, Fields.Select(f => new QCliProposalField(f.Name, f.Value)).ToArray()), ArgumentsHash);

    internal static ApprovalRecord From(QCliProposal proposal, ChatTurn turn, DateTimeOffset now, TimeSpan ttl) => new(
        proposal.Id, proposal.Kind, proposal.Title, proposal.Fields.Select(f => new ApprovalField(f.Name, f.Value)).ToArray(),
        proposal.Profile, proposal.ArgumentsHash, turn, now, now + ttl);
}

// One argument of a proposal, as shown and executed.
public sealed record ApprovalField(string Name, string Value);
