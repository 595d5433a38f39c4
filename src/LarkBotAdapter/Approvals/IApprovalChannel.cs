using ChatOps.LarkBotAdapter.Conversations;

namespace ChatOps.LarkBotAdapter.Approvals;

// Where the desk shows a proposal in the asker's thread (ApprovalChannels.ApprovalsOrText): the channel's approval card,
// or a plain message on a channel without cards.
public interface IApprovalChannel
{
    // Shows the proposal and returns the card's message reference ("" for a plain message, which is never updated).
    // Posting the same proposal again posts nothing new where the platform de-duplicates (Lark's reply uuid).
    Task<string> PostApprovalAsync(ChatTurn turn, ApprovalView view, CancellationToken cancellationToken);

    // Shows the card's new state (approved, rejected, expired, done, failed); nothing for a plain message.
    Task UpdateApprovalAsync(ChatTurn turn, string cardRef, ApprovalView view, CancellationToken cancellationToken);
}
