using ChatOps.IntentRecognition;
using ChatOps.LarkBotAdapter.Telemetry;

namespace ChatOps.LarkBotAdapter.Worker;

// An answer's measurement from its run: the first text is whichever came first, the live message's or a segment's.
internal static class AnswerMetrics
{
    // When the answer's first text became visible (UTC), or null when none did.
    public static DateTimeOffset? FirstTextAt(AnswerRun run, TimeProvider time) =>
        new[] { run.Live?.FirstText, run.Replies.FirstPosted }.Min() is { } at ? time.GetUtcNow() - time.GetElapsedTime(at) : null;

    public static AnswerMeasurement Of(AnswerRun run, bool failed, TimeProvider time)
    {
        var first = new[] { run.Live?.FirstText, run.Replies.FirstPosted }.Min();
        var usage = run.Intent?.Usage;
        return new AnswerMeasurement(
            run.Intent?.Intent.ToLabel() ?? "unclassified",
            run.Turn.Platform,
            failed ? "error" : run.Replies.TargetGone ? "gone" : "ok",
            time.GetElapsedTime(run.Started),
            run.Classified,
            first is { } at ? time.GetElapsedTime(run.Started, at) : null,
            usage?.InputTokens ?? 0,
            usage?.OutputTokens ?? 0);
    }
}
