namespace ChatOps.LarkBotAdapter.Conversations.Approvals;

// One argument on an approval card, shown verbatim.
public sealed record ApprovalCardField(string Name, string Value);
