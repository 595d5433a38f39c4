namespace ChatOps.LarkBotAdapter.Approvals;

// A plain-text decision: approve or reject, and the proposal it names (null when it names none).
public sealed record ApprovalCommand(bool Approve, string? ProposalId);
