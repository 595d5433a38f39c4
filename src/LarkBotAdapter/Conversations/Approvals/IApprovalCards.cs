namespace ChatOps.LarkBotAdapter.Conversations.Approvals;

// A channel's approval cards (IChatChannel.Approvals): a card in a thread, changed as the proposal moves on.
public interface IApprovalCards
{
    // Posts the card in the turn's thread and returns its message reference. Posting the same proposal again posts
    // nothing new where the platform de-duplicates (Lark's reply uuid).
    Task<string> PostApprovalAsync(ChatTurn turn, ApprovalCard card, CancellationToken cancellationToken);

    // Shows the card's new state (approved, rejected, expired, done, failed).
    Task UpdateApprovalAsync(ChatTurn turn, string cardRef, ApprovalCard card, CancellationToken cancellationToken);
}
