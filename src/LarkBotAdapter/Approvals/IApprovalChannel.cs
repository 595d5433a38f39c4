using ChatOps.LarkBotAdapter.Conversations;

namespace ChatOps.LarkBotAdapter.Approvals;

// A channel that can show an approval card in a thread and change it as the proposal moves on.
public interface IApprovalChannel
{
    // Posts the card in the turn's thread and returns its message reference. Posting the same proposal again posts
    // nothing new where the platform de-duplicates (Lark's reply uuid).
    Task<string> PostApprovalAsync(ChatTurn turn, ApprovalView view, CancellationToken cancellationToken);

    // Shows the card's new state (approved, rejected, expired, done, failed).
    Task UpdateApprovalAsync(ChatTurn turn, string cardRef, ApprovalView view, CancellationToken cancellationToken);
}
