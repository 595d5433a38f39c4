using ChatOps.Contracts;

namespace ChatOps.QCliProxy.Proposals.Rules;

// A validated proposal before the proxy gives it a conversation, a profile and a hash.
internal sealed record ProposalDraft(string Id, string Kind, string Title, IReadOnlyList<QCliProposalField> Fields)
{
    public QCliProposal Complete(string conversationId, string? profile, DateTimeOffset createdAt) =>
        new(Id, Kind, Title, Fields, profile, conversationId, createdAt, QCliProposalHash.Compute(Id, Kind, profile, Fields));
}
