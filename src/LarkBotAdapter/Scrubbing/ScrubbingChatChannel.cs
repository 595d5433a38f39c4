using ChatOps.LarkBotAdapter.Approvals;
using ChatOps.LarkBotAdapter.Conversations;
using ChatOps.LarkBotAdapter.Conversations.Live;
using ChatOps.LarkBotAdapter.Replies;

namespace ChatOps.LarkBotAdapter.Scrubbing;

// Every channel as ChatChannels hands it out: whatever is posted — answer segments, error
// replies, notices, live frames and their status lines — is scrubbed first, on every platform and in the embedded console.
// It offers the live and reaction capabilities of every channel, declining where the inner channel has none; a channel
// without approval cards gets the approval as a plain message that says to reply Approve or Reject.
// Approval cards show their values scrubbed too; what is executed is what was hashed, and the card says when it masked.
internal sealed class ScrubbingChatChannel(IChatChannel inner) : IChatChannel, ILiveReplyChannel, IReactionChannel, IApprovalChannel
{
    public string Platform => inner.Platform;

    public Task<bool> IsAddressedToBotAsync(ChatTurn turn, CancellationToken cancellationToken) =>
        inner.IsAddressedToBotAsync(turn, cancellationToken);

    // Slack posts a slash command's question as the thread's parent here: that post is scrubbed too, the question is not.
    public async Task<PreparedTurn> PrepareAsync(ChatTurn turn, IReadOnlyDictionary<int, string> posted, CancellationToken cancellationToken)
    {
        var prepared = await inner.PrepareAsync(turn with { Text = SecretScrubber.Scrub(turn.Text) }, posted, cancellationToken);
        return prepared with { Turn = prepared.Turn with { Text = turn.Text } };
    }

    public Task<PostReceipt> PostAsync(ChatTurn turn, Segment segment, CancellationToken cancellationToken) =>
        inner.PostAsync(turn, segment with { Markdown = SecretScrubber.Scrub(segment.Markdown) }, cancellationToken);

    public Task PostNoticeAsync(ChatTurn turn, string noticeKey, string markdown, CancellationToken cancellationToken) =>
        inner.PostNoticeAsync(turn, noticeKey, SecretScrubber.Scrub(markdown), cancellationToken);

    public async Task<ILiveReply?> StartAsync(ChatTurn turn, ILiveReplyLedger ledger, LiveFrame first, CancellationToken cancellationToken) =>
        inner is ILiveReplyChannel live && await live.StartAsync(turn, ledger, ScrubbingLiveReply.Scrub(first), cancellationToken) is { } reply
            ? new ScrubbingLiveReply(reply)
            : null;

    public Task ShowStatusAsync(ChatTurn turn, string status, CancellationToken cancellationToken) =>
        inner is ILiveReplyChannel live ? live.ShowStatusAsync(turn, SecretScrubber.Scrub(status), cancellationToken) : Task.CompletedTask;

    public async Task<string> PostApprovalAsync(ChatTurn turn, ApprovalView view, CancellationToken cancellationToken)
    {
        var shown = Scrub(view);
        if (inner is IApprovalChannel approvals)
        {
            return await approvals.PostApprovalAsync(turn, shown, cancellationToken);
        }
        await inner.PostNoticeAsync(turn, "approval:" + view.Record.Id, ApprovalText.Markdown(shown), cancellationToken);
        return "";
    }

    public Task UpdateApprovalAsync(ChatTurn turn, string cardRef, ApprovalView view, CancellationToken cancellationToken) =>
        inner is IApprovalChannel approvals && cardRef.Length > 0
            ? approvals.UpdateApprovalAsync(turn, cardRef, Scrub(view), cancellationToken)
            : Task.CompletedTask;

    private static ApprovalView Scrub(ApprovalView view) => ApprovalViewScrubber.Scrub(view);

    public Task<string> AddReactionAsync(ChatTurn turn, Reaction reaction, CancellationToken cancellationToken) =>
        inner is IReactionChannel reactions ? reactions.AddReactionAsync(turn, reaction, cancellationToken) : Task.FromResult("");

    public Task RemoveReactionAsync(ChatTurn turn, Reaction reaction, string reactionRef, CancellationToken cancellationToken) =>
        inner is IReactionChannel reactions && reactionRef.Length > 0
            ? reactions.RemoveReactionAsync(turn, reaction, reactionRef, cancellationToken)
            : Task.CompletedTask;
}
