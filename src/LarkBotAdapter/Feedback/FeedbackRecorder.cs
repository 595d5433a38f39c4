using ChatOps.LarkBotAdapter.State;
using ChatOps.LarkBotAdapter.Telemetry;

namespace ChatOps.LarkBotAdapter.Feedback;

// Keeps one vote per person per answer (a second click replaces the first) and counts every click in a structured
// log line (route, model, classifier, latency, vote, outcome) that metric filters can sum. Runs on the interactivity
// endpoints' 3-second path, so the store gets a short budget and an outage is an answer, not an exception.
public sealed class FeedbackRecorder(IStateStore state, TimeProvider time, ILogger<FeedbackRecorder> logger, ChatOpsMetrics? metrics = null)
{
    // How long votes are kept (with the answer's metadata) for review.
    public static readonly TimeSpan Retention = TimeSpan.FromDays(90);

    private static readonly TimeSpan StoreBudget = TimeSpan.FromSeconds(2);

    public async Task<FeedbackOutcome> RecordAsync(string platform, string voterId, AnswerFeedback answer, Vote vote, CancellationToken cancellationToken)
    {
        var record = new AnswerVote(
            answer.AnswerKey, $"{platform}:{voterId}", vote.ToWire(), answer.Route, answer.Model, answer.Classifier, answer.LatencyMs, time.GetUtcNow());
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(StoreBudget);
        FeedbackOutcome outcome;
        try
        {
            var previous = await state.RecordVoteAsync(record, Retention, budget.Token);
            outcome = previous is null ? FeedbackOutcome.Recorded
                : previous == record.Vote ? FeedbackOutcome.Unchanged
                : FeedbackOutcome.Changed;
        }
        catch (Exception ex) when (ex is StateUnavailableException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            Log.VoteNotStored(logger, answer.AnswerKey, ex);
            outcome = FeedbackOutcome.Unavailable;
        }
        if (outcome is FeedbackOutcome.Recorded or FeedbackOutcome.Changed)
        {
            metrics?.Voted(answer.Route, record.Vote);
        }
        Log.VoteCounted(logger, platform, answer.Route, answer.Model, answer.Classifier, answer.LatencyMs, record.Vote, outcome, answer.AnswerKey);
        return outcome;
    }
}
