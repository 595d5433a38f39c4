namespace ChatOps.LarkBotAdapter.Conversations.Approvals;

// Where the proposal a card shows stands (the record's state, as the card names it).
public enum ApprovalCardState
{
    Pending,
    Approved,
    Rejected,
    Expired,
    Executed,
    Failed,
}
