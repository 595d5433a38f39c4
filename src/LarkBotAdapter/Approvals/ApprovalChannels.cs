using ChatOps.LarkBotAdapter.Conversations;
using ChatOps.LarkBotAdapter.Conversations.Approvals;
using ChatOps.LarkBotAdapter.Scrubbing;

namespace ChatOps.LarkBotAdapter.Approvals;

// How a proposal is shown in a channel: as its approval card where the channel has them (IChatChannel.Approvals), else
// as a plain thread message that says to reply Approve or Reject (ApprovalText), with its values scrubbed like a card's.
public static class ApprovalChannels
{
    public static IApprovalChannel ApprovalsOrText(this IChatChannel channel) =>
        channel.Approvals is { } cards ? new Cards(cards) : new PlainText(channel);

    private sealed class Cards(IApprovalCards cards) : IApprovalChannel
    {
        public Task<string> PostApprovalAsync(ChatTurn turn, ApprovalView view, CancellationToken cancellationToken) =>
            cards.PostApprovalAsync(turn, view.Card, cancellationToken);

        public Task UpdateApprovalAsync(ChatTurn turn, string cardRef, ApprovalView view, CancellationToken cancellationToken) =>
            cardRef.Length > 0 ? cards.UpdateApprovalAsync(turn, cardRef, view.Card, cancellationToken) : Task.CompletedTask;
    }

    private sealed class PlainText(IChatChannel channel) : IApprovalChannel
    {
        public async Task<string> PostApprovalAsync(ChatTurn turn, ApprovalView view, CancellationToken cancellationToken)
        {
            var text = ApprovalText.Markdown(ApprovalCardScrubber.Scrub(view.Card));
            await channel.PostNoticeAsync(turn, "approval:" + view.Record.Id, text, cancellationToken);
            return "";
        }

        public Task UpdateApprovalAsync(ChatTurn turn, string cardRef, ApprovalView view, CancellationToken cancellationToken) =>
            Task.CompletedTask;
    }
}
