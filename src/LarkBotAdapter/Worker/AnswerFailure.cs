using ChatOps.LarkBotAdapter.Conversations;
using ChatOps.LarkBotAdapter.Routing;
using ChatOps.LarkBotAdapter.Texts;

namespace ChatOps.LarkBotAdapter.Worker;

// What a failed answer tells the asker. A job's own cancellation and a reply that could not be posted are not answered
// here: they end the job, so it can be retried.
internal static class AnswerFailure
{
    public static bool Propagates(Exception exception, CancellationToken cancellationToken) =>
        exception is ReplyFailedException || (exception is OperationCanceledException && cancellationToken.IsCancellationRequested);

    // stopping: the process is shutting down; any other cancellation is the answer deadline.
    public static string Notice(Exception exception, TurnLanguage language, TimeSpan answerTimeout, bool shown, CancellationToken stopping) => exception switch
    {
        ResponderException failed => NoticeTexts.Failed(language, failed.Message, failed.Retryable, shown),
        OperationCanceledException when stopping.IsCancellationRequested => NoticeTexts.Failed(language, NoticeTexts.Restarting(language), retryable: true, shown),
        OperationCanceledException => NoticeTexts.Failed(language, NoticeTexts.TookLonger(answerTimeout), retryable: true, shown),
        _ => NoticeTexts.Failed(language, null, retryable: true, shown),
    };
}
