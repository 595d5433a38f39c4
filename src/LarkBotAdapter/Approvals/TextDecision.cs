namespace ChatOps.LarkBotAdapter.Approvals;

// What a plain-text decision answers in its thread, and whether it approved or rejected a proposal.
public sealed record TextDecision(string Reply, bool Decided);
