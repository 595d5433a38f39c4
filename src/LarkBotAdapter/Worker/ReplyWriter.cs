using ChatOps.LarkBotAdapter.Conversations;
using ChatOps.LarkBotAdapter.Conversations.Live;
using ChatOps.LarkBotAdapter.Jobs;
using ChatOps.LarkBotAdapter.Replies;
using ChatOps.LarkBotAdapter.State;
using ChatOps.LarkBotAdapter.Texts;

namespace ChatOps.LarkBotAdapter.Worker;

// The reply path of one turn. Segments keep the position the Segmenter gave them (numbered once, there); a
// position an earlier run of the job posted is skipped, every post is recorded (PostedSegments), and a
// refused post is retried a few times at the same position, so with the same idempotency key.
internal sealed class ReplyWriter
{
    private const int MaxAttempts = 3;

    private readonly IChatChannel _channel;
    private readonly PostedSegments _posted;
    private readonly TimeSpan _retryDelay;
    private readonly TimeProvider _time;

    private ReplyWriter(IChatChannel channel, ChatTurn turn, PostedSegments posted, TimeSpan retryDelay, TimeProvider time)
    {
        _channel = channel;
        Turn = turn;
        Language = TurnLanguage.Of(turn.Text);
        _posted = posted;
        _retryDelay = retryDelay;
        _time = time;
    }

    // The position of an error reply. A retried job skips the positions an earlier run posted, and its answer
    // may fail sooner than that run's did, so an error numbered like the next segment could be skipped too.
    public const int ErrorIndex = int.MaxValue - 1;

    // The turn replies go to (a Slack slash command's is the parent message's thread).
    public ChatTurn Turn { get; }

    // The language of everything the bot says in this turn, decided once here from the prepared turn's text.
    public TurnLanguage Language { get; }

    // Positions of the answer handled so far, posted now or by an earlier run: the next position.
    public int Posted { get; private set; }

    // When the first segment of the answer was posted (TimeProvider timestamp), for the first-text metric.
    public long? FirstPosted { get; private set; }

    public bool TargetGone { get; private set; }

    // Marks that nobody is there to read the rest (a live reply found the message recalled).
    public void MarkTargetGone() => TargetGone = true;

    // The job's record of live parts, for a live reply to find and record its messages.
    public ILiveReplyLedger LiveLedger() => _posted.LiveLedger();

    // Loads the job's record and lets the channel prepare the turn; a thread the channel started for it is
    // recorded and marked as one the bot answers, so follow-ups there need no @mention.
    public static async Task<ReplyWriter> OpenAsync(
        IChatChannel channel, ChatTurn turn, IStateStore state, WorkerOptions options, TimeProvider time, ILogger logger, CancellationToken cancellationToken)
    {
        var posted = await PostedSegments.LoadAsync(state, turn.ClaimKey, options.ClaimTtl, logger, cancellationToken);
        var prepared = await channel.PrepareAsync(turn, posted.Records, cancellationToken);
        if (prepared.ThreadStarter is { } starter)
        {
            await posted.RecordAsync(starter, cancellationToken);
            try
            {
                await state.MarkThreadActiveAsync(prepared.Turn.ThreadKey, options.ThreadTtl, cancellationToken);
            }
            catch (StateUnavailableException ex)
            {
                // The answer still goes out; only follow-ups without an @mention are missed.
                Log.ThreadNotMarked(logger, turn.ClaimKey, ex);
            }
        }
        return new ReplyWriter(channel, prepared.Turn, posted, options.ReplyRetryDelay, time);
    }

    public Task PostAsync(Segment segment, CancellationToken cancellationToken) => SendAsync(segment, cancellationToken);

    // Posts markdown as the answer's last segment, at the next position (in place of a
    // segment the answer check refused, or as the whole answer).
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
        if (!_posted.Contains(segment.Index))
        {
            var receipt = await PostWithRetriesAsync(segment, cancellationToken);
            if (receipt is null)
            {
                return;
            }
            await _posted.RecordAsync(receipt, cancellationToken);
        }
        if (segment.Index != ErrorIndex)
        {
            FirstPosted ??= _time.GetTimestamp();
            Posted = Math.Max(Posted, segment.Index + 1);
        }
    }

    private async Task<PostReceipt?> PostWithRetriesAsync(Segment segment, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await _channel.PostAsync(Turn, segment, cancellationToken);
            }
            catch (ReplyFailedException ex) when (ex.TargetGone)
            {
                // Recalled message or removed chat: nobody is there to read the rest.
                TargetGone = true;
                return null;
            }
            catch (ReplyFailedException ex) when (ex.Transient && attempt < MaxAttempts)
            {
                await Task.Delay(_retryDelay * Math.Pow(5, attempt), _time, cancellationToken);
            }
        }
    }
}
