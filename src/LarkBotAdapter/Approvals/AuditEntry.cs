namespace ChatOps.LarkBotAdapter.Approvals;

// One step of a proposal's life: proposed, approved, rejected, expired, executed, failed; who, what (the arguments
// hash), with which profile, the outcome, when.
public sealed record AuditEntry(
    DateTimeOffset At,
    string Event,
    string ProposalId,
    string Kind,
    string Who,
    string ArgumentsHash,
    string? Profile,
    string Thread,
    string? Outcome);
