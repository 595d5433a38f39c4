using System.Runtime.CompilerServices;
using System.Text;
using ChatOps.IntentRecognition;
using ChatOps.LarkBotAdapter.Conversations;
using ChatOps.LarkBotAdapter.Jobs;
using ChatOps.LarkBotAdapter.Replies;
using ChatOps.LarkBotAdapter.Routing;
using ChatOps.LarkBotAdapter.Scrubbing;
using ChatOps.LarkBotAdapter.State;
using ChatOps.LarkBotAdapter.Texts;

namespace ChatOps.LarkBotAdapter.Worker;

// The answer to one question, under one deadline: classify ▸ route ▸ scrub ▸ live or segments ▸ checks ▸ feedback
// (AnswerDelivery). A failure ends in a notice as the answer's last part.
public sealed class TurnAnswerer(
    IIntentClassifier classifier,
    RouteTable routes,
    IEnumerable<IAnswerCheck> checks,
    AnswerDelivery delivery,
    WorkerOptions options,
    TimeProvider time,
    ILogger<TurnAnswerer> logger)
{
    // Whether it failed. Throws only when replies could not be posted at all or the job was cancelled.
    internal async Task<bool> AnswerAsync(AnswerRun run, CancellationToken cancellationToken, CancellationToken stopping)
    {
        // One deadline for classifying and answering, so a stalled backend ends in an error reply, not a killed worker.
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, stopping);
        deadline.CancelAfter(options.AnswerTimeout);
        string? error = null;
        try
        {
            await StreamAsync(run, deadline.Token, cancellationToken);
        }
        catch (ReplyFailedException ex) when (ex.TargetGone)
        {
            run.Replies.MarkTargetGone();
            Log.TargetGone(logger, run.Turn.ClaimKey);
        }
        catch (Exception ex) when (!AnswerFailure.Propagates(ex, cancellationToken))
        {
            Log.RouteFailed(logger, run.Turn.ClaimKey, run.Intent?.Intent.ToLabel() ?? "unclassified", ex);
            error = AnswerFailure.Notice(ex, run.Language, options.AnswerTimeout, run.Shown, stopping);
        }
        if (error is null)
        {
            return false;
        }
        // The error reply is the answer's last part: in the live message when one is shown, else its own post.
        if (run.Live is { Started: true } live)
        {
            await live.CompleteAsync(LiveStatusTexts.Failed(run.Language, live.Elapsed), error, cancellationToken);
        }
        else
        {
            await run.Replies.PostErrorAsync(error, cancellationToken);
        }
        return true;
    }

    private async Task StreamAsync(AnswerRun run, CancellationToken deadline, CancellationToken cancellationToken)
    {
        var (turn, language, live) = (run.Turn, run.Language, run.Live);
        await (live?.ShowStatusAsync(LiveStatusTexts.Thinking(language), cancellationToken) ?? Task.CompletedTask);
        var classifying = time.GetTimestamp();
        var intent = run.Intent = ThreadRoute(run) ?? await classifier.ClassifyAsync(new IntentRequest(turn.Text, run.Thread.Turns), deadline);
        run.Classified = time.GetElapsedTime(classifying);
        Log.Classified(logger, turn.ClaimKey, intent.Intent.ToLabel(), intent.Source);
        var request = new ResponderRequest(turn, run.Thread.Turns, intent, run.Attributes) { Language = language };
        // Scrubbed before it is cut into segments, so no secret is split where neither half is recognisable.
        var stream = Capture(StreamScrubber.ScrubAsync(routes.For(intent.Intent).AnswerAsync(request, deadline), deadline), run.Text, deadline);
        var check = checks.LastOrDefault(c => c.Intent == intent.Intent);
        IAsyncEnumerable<string>? segmented = stream;
        if (live is not null)
        {
            live.SetStatus(elapsed => LiveStatusTexts.Working(language, intent, run.Attributes, elapsed));
            await live.ShowStatusAsync(LiveStatusTexts.Working(language, intent, run.Attributes, live.Elapsed), cancellationToken);
            // Null when all of it went live; otherwise (the channel declined) the rest goes out as segments.
            segmented = check is null ? await live.ShowAsync(stream, cancellationToken) : stream;
        }
        await delivery.DeliverAsync(run, segmented, check, deadline, cancellationToken);
    }

    // The route the thread fixed for all its questions (an alarm thread: aws_ops), or null to classify.
    private static IntentResult? ThreadRoute(AnswerRun run) =>
        run.Thread.Attributes.TryGetValue(ThreadAttributes.Route, out var label) && IntentLabels.TryParse(label, out var intent)
            ? new IntentResult(intent.Value, "thread")
            : null;

    private static async IAsyncEnumerable<string> Capture(
        IAsyncEnumerable<string> source, StringBuilder into, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var chunk in source.WithCancellation(cancellationToken))
        {
            into.Append(chunk);
            yield return chunk;
        }
    }
}
