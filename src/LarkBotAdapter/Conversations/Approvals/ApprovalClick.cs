namespace ChatOps.LarkBotAdapter.Conversations.Approvals;

// What an approval button carried back, once ApprovalButton read it strictly: the proposal, its arguments hash, and
// whether the button approves.
public sealed record ApprovalClick(string ProposalId, string Hash, bool Approve);
