using System.Runtime.CompilerServices;
using System.Text;
using ChatOps.LarkBotAdapter.Conversations;
using ChatOps.LarkBotAdapter.Conversations.Live;
using ChatOps.LarkBotAdapter.Feedback;

namespace ChatOps.LarkBotAdapter.Worker;

// The worker's side of a live answer: collects the answer's text, starts the channel's live reply at the first
// text, offers it the whole text so far (at most every OfferSpacing, and on a short tick that also
// refreshes the status line's seconds), and completes it with the footer or the error. When the channel declines, the
// text read so far and the rest of the stream go back to the caller to post as segments.
internal sealed class LiveAnswer(ILiveReplyChannel channel, ChatTurn turn, ILiveReplyLedger ledger, TimeProvider time, ILogger logger)
{
    private static readonly TimeSpan OfferSpacing = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(250);

    private readonly StringBuilder _text = new();
    private readonly long _started = time.GetTimestamp();
    private ILiveReply? _reply;
    private bool _declined;
    private Func<TimeSpan, string?> _status = _ => null;
    private volatile string _snapshot = "";
    private string? _offeredText;
    private string? _offeredStatus;
    private long _lastOffer;
    private CancellationTokenSource? _ticker;
    private Task _tick = Task.CompletedTask;

    public bool Started => _reply is not null;

    public TimeSpan Elapsed => time.GetElapsedTime(_started);

    // When the first answer text was shown (TimeProvider timestamp; a status line alone is not text).
    public long? FirstText { get; private set; }

    // Shows status before the first text, where the channel can (best effort).
    public async Task ShowStatusAsync(string? status, CancellationToken cancellationToken)
    {
        if (status is null || Started)
        {
            return;
        }
        try
        {
            await channel.ShowStatusAsync(turn, status, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.StatusNotShown(logger, turn.ClaimKey, ex);
        }
    }

    // The status line from now on, given the time since the job started.
    public void SetStatus(Func<TimeSpan, string?> status) => _status = status;

    // Shows source live. Null when all of it was shown; otherwise the stream to post as
    // segments instead (the channel declined at the first text), starting with the text read so far.
    public async Task<IAsyncEnumerable<string>?> ShowAsync(IAsyncEnumerable<string> source, CancellationToken cancellationToken)
    {
        var chunks = source.GetAsyncEnumerator(cancellationToken);
        var handedOver = false;
        try
        {
            while (await chunks.MoveNextAsync())
            {
                if (!await AppendAsync(chunks.Current, cancellationToken))
                {
                    handedOver = true;
                    return Rest(_text.ToString(), chunks);
                }
            }
            return null;
        }
        finally
        {
            if (!handedOver)
            {
                await chunks.DisposeAsync();
            }
        }
    }

    // Shows the final text with footer, and error (an error reply) as its
    // last part when given; feedback adds the 👍/👎 buttons of a finished answer.
    public async Task CompleteAsync(string footer, string? error, CancellationToken cancellationToken, AnswerFeedback? feedback = null)
    {
        await StopTickerAsync();
        var text = error is null ? _text.ToString() : (_text.Length == 0 ? error : _text.ToString().TrimEnd() + "\n\n" + error);
        await _reply!.CompleteAsync(new LiveFrame(text, footer, error is null ? feedback : null), cancellationToken);
    }

    // Appends a checked segment as a paragraph of the live answer. False when the channel declined (now or
    // before): the caller posts it as a segment.
    public Task<bool> AppendPartAsync(string markdown, CancellationToken cancellationToken) =>
        _declined ? Task.FromResult(false) : AppendAsync(_text.Length == 0 ? markdown : "\n\n" + markdown, cancellationToken);

    private async Task<bool> AppendAsync(string chunk, CancellationToken cancellationToken)
    {
        _text.Append(chunk);
        _snapshot = _text.ToString();
        if (_reply is null)
        {
            if (string.IsNullOrWhiteSpace(_snapshot))
            {
                return true;
            }
            var first = Frame();
            _reply = await channel.StartAsync(turn, ledger, first, cancellationToken);
            if (_reply is null)
            {
                _declined = true;
                return false;
            }
            Offered(first);
            _ticker = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            _tick = TickAsync(_ticker.Token, cancellationToken);
            return true;
        }
        if (time.GetElapsedTime(Volatile.Read(ref _lastOffer)) >= OfferSpacing)
        {
            await OfferAsync(cancellationToken);
        }
        return true;
    }

    private async Task OfferAsync(CancellationToken cancellationToken)
    {
        var frame = Frame();
        if (frame.Markdown == _offeredText && frame.Status == _offeredStatus)
        {
            return;
        }
        Offered(frame);
        await _reply!.UpdateAsync(frame, cancellationToken);
    }

    private void Offered(LiveFrame frame)
    {
        (_offeredText, _offeredStatus) = (frame.Markdown, frame.Status);
        FirstText ??= string.IsNullOrWhiteSpace(frame.Markdown) ? null : time.GetTimestamp();
        Volatile.Write(ref _lastOffer, time.GetTimestamp());
    }

    private LiveFrame Frame() => new(_snapshot, _status(Elapsed));

    // Sends what the spacing held back and keeps the status line's seconds current while the route is quiet. Its
    // offers carry the job's token, not stop's: the send of an offered frame may still be under way when the ticker
    // stops at completion, and cancelling it would fail the answer.
    private async Task TickAsync(CancellationToken stop, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                await Task.Delay(Tick, time, stop);
                await OfferAsync(cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (ReplyFailedException ex)
        {
            // The next offer or the completion meets the same failure and handles it.
            Log.StatusNotShown(logger, turn.ClaimKey, ex);
        }
    }

    private async Task StopTickerAsync()
    {
        if (_ticker is null)
        {
            return;
        }
        await _ticker.CancelAsync();
        await _tick;
        _ticker.Dispose();
        _ticker = null;
    }

    private static async IAsyncEnumerable<string> Rest(string first, IAsyncEnumerator<string> chunks, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        try
        {
            yield return first;
            while (await chunks.MoveNextAsync())
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return chunks.Current;
            }
        }
        finally
        {
            await chunks.DisposeAsync();
        }
    }
}
