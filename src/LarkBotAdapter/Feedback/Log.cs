namespace ChatOps.LarkBotAdapter.Feedback;

internal static partial class Log
{
    [LoggerMessage(EventId = 9000, Level = LogLevel.Information,
        Message = "Feedback {Vote} on {AnswerKey}: {Outcome} (platform {Platform}, route {Route}, model {Model}, classifier {Classifier}, latency {LatencyMs} ms)")]
    public static partial void VoteCounted(
        ILogger logger, string platform, string route, string model, string classifier, long latencyMs, string vote, FeedbackOutcome outcome, string answerKey);

    [LoggerMessage(EventId = 9001, Level = LogLevel.Warning, Message = "Feedback on {AnswerKey} could not be stored")]
    public static partial void VoteNotStored(ILogger logger, string answerKey, Exception exception);

}
