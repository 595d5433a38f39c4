using ChatOps.LarkBotAdapter.Conversations;
using ChatOps.LarkBotAdapter.Conversations.Approvals;

namespace ChatOps.LarkBotAdapter.Scrubbing;

// A channel's approval cards with their values scrubbed (ApprovalCardScrubber); what is executed is what was hashed,
// and the card says when it masked.
internal sealed class ScrubbingApprovalCards(IApprovalCards inner) : IApprovalCards
{
    public Task<string> PostApprovalAsync(ChatTurn turn, ApprovalCard card, CancellationToken cancellationToken) =>
        inner.PostApprovalAsync(turn, ApprovalCardScrubber.Scrub(card), cancellationToken);

    public Task UpdateApprovalAsync(ChatTurn turn, string cardRef, ApprovalCard card, CancellationToken cancellationToken) =>
        inner.UpdateApprovalAsync(turn, cardRef, ApprovalCardScrubber.Scrub(card), cancellationToken);
}
