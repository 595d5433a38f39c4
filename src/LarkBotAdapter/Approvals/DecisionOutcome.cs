namespace ChatOps.LarkBotAdapter.Approvals;

// What a decision attempt did.
public enum DecisionOutcome
{
    Approved,
    Rejected,
    // Not an approver (or the asker, without OPS_SELF_APPROVAL).
    NotAllowed,
    // Decided before (by this person or another).
    AlreadyDecided,
    Expired,
    // Unknown id, or a button whose hash is not the record's.
    Unknown,
    // The state store could not be reached; nothing changed.
    Unavailable,
}

// The outcome and the record as it stands afterwards (null when Unknown or Unavailable).
public sealed record Decision(DecisionOutcome Outcome, ApprovalRecord? Record);
