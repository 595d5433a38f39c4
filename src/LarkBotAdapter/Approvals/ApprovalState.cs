namespace ChatOps.LarkBotAdapter.Approvals;

// Where a proposal stands. Pending → Approved → Executed | Failed; Pending → Rejected | Expired. Only Pending may be
// decided, and each step is a conditional write, so two clicks can never both win.
public enum ApprovalState
{
    Pending,
    Approved,
    Rejected,
    Expired,
    Executed,
    Failed,
}
