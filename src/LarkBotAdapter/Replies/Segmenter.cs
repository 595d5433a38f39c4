using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;

namespace ChatOps.LarkBotAdapter.Replies;

// Cuts a streamed answer into thread messages (segments) as the text arrives.
// Cuts are never inside a word (only a single "word" longer than the caps is split, at a text-element
// boundary) and never inside a fenced code block unless the block alone exceeds the caps; then the fence is
// closed at the end of one segment and re-opened, with the same info string, at the start of the next.
// Boundaries are preferred in this order: paragraph, line, code line, sentence end (. ! ? 。！？), space.
public sealed class Segmenter(SegmenterOptions options, TimeProvider time)
{
    private readonly SegmenterOptions options = Validated(options);
    private readonly TimeProvider time = time ?? throw new ArgumentNullException(nameof(time));

    // Segments chunks as they arrive.
    // Segments are numbered 0, 1, 2, … in order and their concatenation is the input, except for
    // whitespace at the cuts and the fences added around a split code block. No segment is empty or
    // whitespace-only; an empty (or whitespace-only) stream yields nothing.
    // A segment is cut once it holds at least SegmenterOptions.MinChars characters and
    // the text is at a paragraph end, or earlier when the caps demand it. The most recent segment is held
    // back until more text arrives, so that exactly one segment — the last — has IsFinal set.
    // When the source produces no text for SegmenterOptions.QuietPeriod, pending text is
    // cut at the best boundary available, even under MinChars (a partial word at the very end stays pending),
    // and goes out as non-final segments — except, when nothing at all stays pending, the last line (or the
    // last sentence of one-line text), which is held back so that the final segment still has text. Held text
    // goes out as soon as more text arrives or the stream ends.
    // If the source throws, every character already received is first yielded as non-final segments,
    // then the source's exception is rethrown unchanged; no segment of that answer is final. If
    // ct is cancelled, an OperationCanceledException propagates and pending
    // text is dropped.
    public async IAsyncEnumerable<Segment> SegmentAsync(
        IAsyncEnumerable<string> chunks, [EnumeratorCancellation] CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(chunks);
        var pending = new PendingSegments(options);
        using var sourceCancellation = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var source = chunks.GetAsyncEnumerator(sourceCancellation.Token);
        Task<bool>? moveNext = null;
        ExceptionDispatchInfo? failure = null;
        var lastTextAt = time.GetTimestamp();
        try
        {
            while (true)
            {
                ct.ThrowIfCancellationRequested();
                moveNext ??= ReadNext(source);
                if (!moveNext.IsCompleted && pending.HasText
                    && await QuietFirstAsync(moveNext, options.QuietPeriod - time.GetElapsedTime(lastTextAt), ct)
                        .ConfigureAwait(false))
                {
                    foreach (var segment in pending.CutQuiet())
                    {
                        yield return segment;
                    }

                    lastTextAt = time.GetTimestamp();
                    continue;
                }
                var read = moveNext;
                moveNext = null;
                (var more, failure) = await AwaitReadAsync(read, ct).ConfigureAwait(false);
                if (!more)
                {
                    break;
                }
                if (string.IsNullOrEmpty(source.Current))
                {
                    continue;
                }
                lastTextAt = time.GetTimestamp();
                foreach (var segment in pending.Add(source.Current))
                {
                    yield return segment;
                }
            }

            foreach (var segment in pending.End(failed: failure is not null))
            {
                yield return segment;
            }

            failure?.Throw();
        }
        finally
        {
            await StopSourceAsync(source, moveNext, sourceCancellation).ConfigureAwait(false);
        }
    }

    // The outcome of one read: more text, the end of the source, or its failure (kept to be rethrown once every
    // character already received has gone out). Cancellation by the caller propagates.
    private static async Task<(bool More, ExceptionDispatchInfo? Failure)> AwaitReadAsync(Task<bool> read, CancellationToken ct)
    {
        try
        {
            return (await read.ConfigureAwait(false), null);
        }
        catch (Exception ex) when (!(ex is OperationCanceledException && ct.IsCancellationRequested))
        {
            return (false, ExceptionDispatchInfo.Capture(ex));
        }
    }

    // True when the quiet period ends before the source produces its next chunk.
    private async Task<bool> QuietFirstAsync(Task<bool> moveNext, TimeSpan remaining, CancellationToken ct)
    {
        if (remaining <= TimeSpan.Zero)
        {
            return true;
        }

        using var delayCancellation = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var delay = Task.Delay(remaining, time, delayCancellation.Token);
        var first = await Task.WhenAny(moveNext, delay).ConfigureAwait(false);
        ct.ThrowIfCancellationRequested();
        if (first == delay)
        {
            return true;
        }

        await delayCancellation.CancelAsync().ConfigureAwait(false);
        return false;
    }

    private static Task<bool> ReadNext(IAsyncEnumerator<string> source)
    {
        try
        {
            return source.MoveNextAsync().AsTask();
        }
        catch (Exception ex)
        {
            // A hand-written source may throw synchronously; treat it like a faulted read so text is not lost.
            return Task.FromException<bool>(ex);
        }
    }

    // A source abandoned mid-read (consumer stopped early or was cancelled) is cancelled and disposed once
    // that read ends: disposing during a read is not allowed, and waiting here could hang on a stuck source.
    private static async ValueTask StopSourceAsync(
        IAsyncEnumerator<string> source, Task<bool>? moveNext, CancellationTokenSource cancellation)
    {
        if (moveNext is { IsCompleted: false })
        {
            await cancellation.CancelAsync().ConfigureAwait(false);
            _ = moveNext.ContinueWith(
                static (_, state) => ((IAsyncEnumerator<string>)state!).DisposeAsync().AsTask(),
                source, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default).Unwrap();
            return;
        }

        await source.DisposeAsync().ConfigureAwait(false);
    }

    private static SegmenterOptions Validated(SegmenterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return options;
    }
}
