using ChatOps.IntentRecognition;
using ChatOps.LarkBotAdapter.Conversations;
using ChatOps.LarkBotAdapter.Feedback;
using ChatOps.LarkBotAdapter.Jobs;
using ChatOps.LarkBotAdapter.Replies;
using ChatOps.LarkBotAdapter.Routing;
using ChatOps.LarkBotAdapter.Texts;

namespace ChatOps.LarkBotAdapter.Worker;

// Puts an answer's text in front of the asker: cut into segments (each checked first where its intent has a check),
// appended to the live message where one is shown, else posted; the answer's end carries the 👍/👎 buttons, and an
// answer with no text gets a notice instead.
public sealed class AnswerDelivery(Segmenter segmenter, RouteTable routes, WorkerOptions options, TimeProvider time, ILogger<AnswerDelivery> logger)
{
    // segmented: the text still to post as segments (null when all of it went live). The deadline stops the route
    // and the checks, not the segmenter: the text that arrived is still posted before a notice.
    internal async Task DeliverAsync(
        AnswerRun run, IAsyncEnumerable<string>? segmented, IAnswerCheck? check, CancellationToken deadline, CancellationToken cancellationToken)
    {
        var (live, replies) = (run.Live, run.Replies);
        await foreach (var segment in segmented is null ? Empty<Segment>() : segmenter.SegmentAsync(segmented, cancellationToken))
        {
            // Checked segment by segment, so the answer still streams and nothing unchecked is posted (or shown live).
            if (check is not null && await check.CheckAsync(run.Turn, run.Language, segment.Markdown, deadline) is { } replacement)
            {
                if (live is null || !await live.AppendPartAsync(replacement, cancellationToken))
                {
                    await replies.PostFinalAsync(replacement, cancellationToken);
                }
                break;
            }
            if (check is not null && live is not null && await live.AppendPartAsync(segment.Markdown, cancellationToken))
            {
                continue;
            }
            // The last segment of an answer posted as segments carries the 👍/👎 buttons where the channel can show them.
            await replies.PostAsync(
                segment.IsFinal && options.Feedback ? segment with { Feedback = FeedbackOf(run, time.GetElapsedTime(run.Started)) } : segment,
                cancellationToken);
            if (replies.TargetGone)
            {
                // Recalled or removed: stop the route too (closing a proxy stream ends its CLI run).
                Log.TargetGone(logger, run.Turn.ClaimKey);
                break;
            }
        }
        if (live is { Started: true })
        {
            var feedback = FeedbackOf(run, live.Elapsed);
            await live.CompleteAsync(LiveStatusTexts.Done(run.Language, live.Elapsed, run.Text.ToString()), null, cancellationToken, options.Feedback ? feedback : null);
        }
        else if (replies.Posted == 0)
        {
            await replies.PostFinalAsync(NoticeTexts.EmptyAnswer(run.Language), cancellationToken);
        }
    }

    private AnswerFeedback FeedbackOf(AnswerRun run, TimeSpan elapsed) =>
        new(run.Turn.ClaimKey, run.Intent!.Intent.ToLabel(), routes.For(run.Intent.Intent).Model, run.Intent.Source, (long)elapsed.TotalMilliseconds);

    private static async IAsyncEnumerable<T> Empty<T>()
    {
        await Task.CompletedTask;
        yield break;
    }
}
