namespace ChatOps.LarkBotAdapter.Conversations.Live;

/// <summary>One answer shown live. Every frame holds the whole answer so far (never a delta), so a lost or coalesced
/// update costs nothing and a scrubber always sees the full text.</summary>
public interface ILiveReply
{
    /// <summary>Offers the answer so far; sent as soon as the platform's limits allow, superseded by later frames.
    /// Throws <see cref="ReplyFailedException"/> (target gone) when nobody is there to read it any more.</summary>
    Task UpdateAsync(LiveFrame frame, CancellationToken cancellationToken);

    /// <summary>Shows the final answer with its footer (<see cref="LiveFrame.Status"/>) and ends the stream.
    /// Throws <see cref="ReplyFailedException"/> when the final text could not be shown.</summary>
    Task CompleteAsync(LiveFrame final, CancellationToken cancellationToken);
}
