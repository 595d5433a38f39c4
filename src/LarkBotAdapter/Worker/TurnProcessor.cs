using System.Runtime.CompilerServices;
using System.Text;
using ChatOps.IntentRecognition;
using ChatOps.LarkBotAdapter.Approvals;
using ChatOps.LarkBotAdapter.Conversations;
using ChatOps.LarkBotAdapter.Conversations.Live;
using ChatOps.LarkBotAdapter.Feedback;
using ChatOps.LarkBotAdapter.Replies;
using ChatOps.LarkBotAdapter.Routing;
using ChatOps.LarkBotAdapter.Scrubbing;
using ChatOps.LarkBotAdapter.State;
using ChatOps.LarkBotAdapter.Texts;

namespace ChatOps.LarkBotAdapter.Worker;

// The worker's pipeline for one turn: context ▸ classify ▸ route ▸ stream through the Segmenter ▸ reply ▸ save.
// Every turn it accepts ends in an answer or an explicit error reply in its thread.
public sealed class TurnProcessor(
    IStateStore state,
    IIntentClassifier classifier,
    RouteTable routes,
    IEnumerable<IAnswerCheck> checks,
    ChatChannels channels,
    ThreadDecisions approvals,
    IServiceProvider services,
    Segmenter segmenter,
    WorkerOptions options,
    QuestionRateLimit rateLimit,
    TimeProvider time,
    ILogger<TurnProcessor> logger)
{
    private const int MaxRememberedChars = 2000;

    // Answers job. Returns the intent used (null when nothing was classified). Throws only
    // when replies could not be posted at all, so the caller can retry the job (replies are idempotent).
    // stopping cuts the answer short like the answer deadline, with a notice that the bot restarted.
    public async Task<IntentResult?> ProcessAsync(WorkJob job, CancellationToken cancellationToken, CancellationToken stopping = default)
    {
        if (job.Kind == WorkJob.ExecuteKind)
        {
            // Only reachable with the ops route configured: a proposal comes from the proxy.
            await services.GetRequiredService<ApprovalExecutor>().ExecuteAsync(job.ProposalId!, cancellationToken);
            return null;
        }
        var turn = job.Turn;
        var channel = channels.For(turn.Platform);
        if (job.NeedsAddressCheck && !await channel.IsAddressedToBotAsync(turn, cancellationToken))
        {
            Log.NotAddressed(logger, turn.ClaimKey);
            return null;
        }
        var replies = await ReplyWriter.OpenAsync(channel, turn, state, options, time, logger, cancellationToken);
        turn = replies.Turn;
        var language = replies.Language;
        if (!turn.IsSupported || string.IsNullOrWhiteSpace(turn.Text))
        {
            await replies.PostFinalAsync(NoticeTexts.Unsupported(language, turn.IsSupported), cancellationToken);
            return null;
        }
        if (await rateLimit.WaitBeforeAskingAsync(turn, cancellationToken) is { } wait)
        {
            // The polite reply is this message's answer: it stays claimed, and nothing is classified or remembered.
            await replies.PostFinalAsync(NoticeTexts.SlowDown(language, options.UserQuestionsPerMinute, wait), cancellationToken);
            return null;
        }
        var reaction = await AskerReaction.AddAsync(channel, turn, options.Reactions, logger, cancellationToken);
        var thread = await LoadThreadAsync(turn, cancellationToken);
        if (ApprovalReply.TryParse(turn.Text) is { } command && await approvals.DecideAsync(turn, language, command, cancellationToken) is { } decision)
        {
            // "Approve [P-…]" / "Reject [P-…]" in a thread with proposals decides the one it names (or the only pending one).
            await replies.PostFinalAsync(decision.Reply, cancellationToken);
            await reaction.FinishAsync(failed: !decision.Decided, cancellationToken);
            return null;
        }
        // One deadline for classifying and answering, so a stalled backend ends in an error reply, not a killed worker.
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, stopping);
        deadline.CancelAfter(options.AnswerTimeout);
        var attributes = new Dictionary<string, string>(thread.Attributes, StringComparer.Ordinal);
        var answer = new StringBuilder();
        var started = time.GetTimestamp();
        IntentResult? intent = null;
        var live = options.LiveReplies && channel.Live is { } liveChannel
            ? new LiveAnswer(liveChannel, turn, replies.LiveLedger(), time, logger)
            : null;
        string? error = null;
        try
        {
            await (live?.ShowStatusAsync(LiveStatusTexts.Thinking(language), cancellationToken) ?? Task.CompletedTask);
            intent = await classifier.ClassifyAsync(new IntentRequest(turn.Text, thread.Turns), deadline.Token);
            Log.Classified(logger, turn.ClaimKey, intent.Intent.ToLabel(), intent.Source);
            var request = new ResponderRequest(turn, thread.Turns, intent, attributes) { Language = language };
            // Scrubbed before it is cut into segments, so no secret is split where neither half is recognisable.
            var stream = Capture(StreamScrubber.ScrubAsync(routes.For(intent.Intent).AnswerAsync(request, deadline.Token), deadline.Token), answer, deadline.Token);
            var check = checks.LastOrDefault(c => c.Intent == intent.Intent);
            IAsyncEnumerable<string>? segmented = stream;
            if (live is not null)
            {
                var chosen = intent;
                live.SetStatus(elapsed => LiveStatusTexts.Working(language, chosen, attributes, elapsed));
                await live.ShowStatusAsync(LiveStatusTexts.Working(language, chosen, attributes, live.Elapsed), cancellationToken);
                if (check is null)
                {
                    // Null when all of it went live; otherwise (the channel declined) the rest goes out as segments.
                    segmented = await live.ShowAsync(stream, cancellationToken);
                }
            }
            // The deadline stops the route, not the segmenter: the text that arrived is still posted before the notice.
            await foreach (var segment in segmented is null ? Empty<Segment>() : segmenter.SegmentAsync(segmented, cancellationToken))
            {
                // Checked segment by segment, so the answer still streams and nothing unchecked is posted (or shown live).
                if (check is not null && await check.CheckAsync(turn, language, segment.Markdown, deadline.Token) is { } replacement)
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
                var chosenIntent = intent;
                await replies.PostAsync(
                    segment.IsFinal && options.Feedback ? segment with { Feedback = FeedbackOf(turn, chosenIntent, time.GetElapsedTime(started)) } : segment,
                    cancellationToken);
                if (replies.TargetGone)
                {
                    // Recalled or removed: stop the route too (closing a proxy stream ends its CLI run).
                    Log.TargetGone(logger, turn.ClaimKey);
                    break;
                }
            }
            if (live is { Started: true })
            {
                var feedback = FeedbackOf(turn, intent, live.Elapsed);
                await live.CompleteAsync(LiveStatusTexts.Done(language, live.Elapsed, answer.ToString()), null, cancellationToken, options.Feedback ? feedback : null);
            }
            else if (replies.Posted == 0)
            {
                await replies.PostFinalAsync(NoticeTexts.EmptyAnswer(language), cancellationToken);
            }
        }
        catch (ReplyFailedException ex) when (ex.TargetGone)
        {
            replies.MarkTargetGone();
            Log.TargetGone(logger, turn.ClaimKey);
        }
        catch (ReplyFailedException)
        {
            throw;
        }
        catch (ResponderException ex)
        {
            Log.RouteFailed(logger, turn.ClaimKey, Label(intent), ex);
            error = NoticeTexts.Failed(language, ex.Message, ex.Retryable, Shown(replies, live));
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested && stopping.IsCancellationRequested)
        {
            Log.RouteFailed(logger, turn.ClaimKey, Label(intent), ex);
            error = NoticeTexts.Failed(language, NoticeTexts.Restarting(language), retryable: true, Shown(replies, live));
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            Log.RouteFailed(logger, turn.ClaimKey, Label(intent), ex);
            error = NoticeTexts.Failed(language, NoticeTexts.TookLonger(options.AnswerTimeout), retryable: true, Shown(replies, live));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.RouteFailed(logger, turn.ClaimKey, Label(intent), ex);
            error = NoticeTexts.Failed(language, null, retryable: true, Shown(replies, live));
        }
        if (error is not null)
        {
            // The error reply is the answer's last part: in the live message when one is shown, else its own post.
            if (live is { Started: true })
            {
                await live.CompleteAsync(LiveStatusTexts.Failed(language, live.Elapsed), error, cancellationToken);
            }
            else
            {
                await replies.PostErrorAsync(error, cancellationToken);
            }
        }
        await reaction.FinishAsync(failed: error is not null, cancellationToken);
        if (intent is null)
        {
            return null;
        }
        await SaveThreadAsync(thread, turn, intent, answer.ToString(), attributes, cancellationToken);
        return intent;
    }

    private AnswerFeedback FeedbackOf(ChatTurn turn, IntentResult intent, TimeSpan elapsed) =>
        new(turn.ClaimKey, intent.Intent.ToLabel(), routes.For(intent.Intent).Model, intent.Source, (long)elapsed.TotalMilliseconds);

    private static bool Shown(ReplyWriter replies, LiveAnswer? live) => replies.Posted > 0 || live is { Started: true };

    private static async IAsyncEnumerable<T> Empty<T>()
    {
        await Task.CompletedTask;
        yield break;
    }

    private static string Label(IntentResult? intent) => intent?.Intent.ToLabel() ?? "unclassified";

    private async Task<ThreadContext> LoadThreadAsync(ChatTurn turn, CancellationToken cancellationToken)
    {
        try
        {
            return await state.GetThreadAsync(turn.ThreadKey, cancellationToken) ?? ThreadContext.Empty(turn.ThreadKey, time.GetUtcNow());
        }
        catch (StateUnavailableException ex)
        {
            // Answer without the earlier turns rather than not at all.
            Log.ContextNotLoaded(logger, turn.ClaimKey, ex);
            return ThreadContext.Empty(turn.ThreadKey, time.GetUtcNow());
        }
    }

    private async Task SaveThreadAsync(
        ThreadContext thread, ChatTurn turn, IntentResult intent, string answer, Dictionary<string, string> attributes, CancellationToken cancellationToken)
    {
        ConversationTurn[] exchange =
        [
            new(ConversationTurn.User, Clip(turn.Text), intent.Intent),
            new(ConversationTurn.Assistant, Clip(answer)),
        ];
        try
        {
            // Conditional on the version this turn read; another turn's save in the meantime is merged, not lost.
            await ThreadContextSaver.SaveAsync(state, thread, exchange, attributes, options, time, logger, turn.ClaimKey, cancellationToken);
        }
        catch (StateUnavailableException ex)
        {
            // The answer is out; losing the context only weakens the next follow-up.
            Log.ContextNotSaved(logger, turn.ClaimKey, ex);
        }
    }

    private static string Clip(string text) => text.Length <= MaxRememberedChars ? text : text[..MaxRememberedChars] + "…";

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
