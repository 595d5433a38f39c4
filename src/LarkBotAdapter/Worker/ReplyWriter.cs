using ChatOps.LarkBotAdapter.Conversations;
using ChatOps.LarkBotAdapter.Replies;

namespace ChatOps.LarkBotAdapter.Worker;

/// <summary>Posts one turn's segments in order, numbering them, and retries a refused post a few times before giving up
/// (the segment is kept in memory, so a retry posts the same text with the same idempotency key).</summary>
internal sealed class ReplyWriter(IChatChannel channel, ChatTurn turn, TimeSpan retryDelay, TimeProvider time)
{
    private const int MaxAttempts = 3;

    public IChatChannel Channel => channel;

    public int Posted { get; private set; }

    public bool TargetGone { get; private set; }

    public Task PostAsync(Segment segment, CancellationToken cancellationToken) =>
        SendAsync(segment with { Index = Posted }, cancellationToken);

    /// <summary>The position of an error reply. A retried job skips the positions an earlier run posted, and its answer
    /// may fail sooner than that run's did, so an error numbered like the next segment could be skipped too.</summary>
    public const int ErrorIndex = int.MaxValue - 1;

    public Task PostFinalAsync(string markdown, CancellationToken cancellationToken) =>
        SendAsync(new Segment(Posted, markdown, IsFinal: true), cancellationToken);

    public Task PostErrorAsync(string markdown, CancellationToken cancellationToken) =>
        SendAsync(new Segment(ErrorIndex, markdown, IsFinal: true), cancellationToken);

    private async Task SendAsync(Segment segment, CancellationToken cancellationToken)
    {
        if (TargetGone)
        {
            return;
        }
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await channel.PostAsync(turn, segment, cancellationToken);
                Posted++;
                return;
            }
            catch (ReplyFailedException ex) when (ex.TargetGone)
            {
                // Recalled message or removed chat: nobody is there to read the rest.
                TargetGone = true;
                return;
            }
            catch (ReplyFailedException ex) when (ex.Transient && attempt < MaxAttempts)
            {
                await Task.Delay(retryDelay * Math.Pow(5, attempt), time, cancellationToken);
            }
        }
    }
}
