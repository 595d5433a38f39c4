using ChatOps.LarkBotAdapter.Conversations;
using ChatOps.LarkBotAdapter.Conversations.Live;

namespace ChatOps.LarkBotAdapter.Scrubbing;

// A channel's live replies with every frame and status line scrubbed before it leaves.
internal sealed class ScrubbingLiveChannel(ILiveReplyChannel inner) : ILiveReplyChannel
{
    public async Task<ILiveReply?> StartAsync(ChatTurn turn, ILiveReplyLedger ledger, LiveFrame first, CancellationToken cancellationToken) =>
        await inner.StartAsync(turn, ledger, ScrubbingLiveReply.Scrub(first), cancellationToken) is { } reply ? new ScrubbingLiveReply(reply) : null;

    public Task ShowStatusAsync(ChatTurn turn, string status, CancellationToken cancellationToken) =>
        inner.ShowStatusAsync(turn, SecretScrubber.Scrub(status), cancellationToken);
}
