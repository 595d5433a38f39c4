namespace ChatOps.LarkBotAdapter.Conversations.Live;

// One answer shown live. Every frame holds the whole answer so far (never a delta), so a lost or coalesced
// update costs nothing and a scrubber always sees the full text.
public interface ILiveReply
{
    // Offers the answer so far; sent as soon as the platform's limits allow, superseded by later frames.
    // Throws ReplyFailedException (target gone) when nobody is there to read it any more.
    Task UpdateAsync(LiveFrame frame, CancellationToken cancellationToken);

    // Shows the final answer with its footer (LiveFrame.Status) and ends the stream.
    // Throws ReplyFailedException when the final text could not be shown.
    Task CompleteAsync(LiveFrame final, CancellationToken cancellationToken);
}
