using ChatOps.LarkBotAdapter.Conversations.Live;

namespace ChatOps.LarkBotAdapter.Scrubbing;

// A live reply whose every frame is scrubbed whole before it leaves: a secret split across two updates is
// whole in the second frame's full text, so it is recognised there.
internal sealed class ScrubbingLiveReply(ILiveReply inner) : ILiveReply
{
    public static LiveFrame Scrub(LiveFrame frame) =>
        new(SecretScrubber.Scrub(frame.Markdown), frame.Status is null ? null : SecretScrubber.Scrub(frame.Status));

    public Task UpdateAsync(LiveFrame frame, CancellationToken cancellationToken) => inner.UpdateAsync(Scrub(frame), cancellationToken);

    public Task CompleteAsync(LiveFrame final, CancellationToken cancellationToken) => inner.CompleteAsync(Scrub(final), cancellationToken);
}
