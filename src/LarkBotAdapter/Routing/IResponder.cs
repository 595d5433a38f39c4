using ChatOps.IntentRecognition;

namespace ChatOps.LarkBotAdapter.Routing;

// Answers one route. Streams Markdown text as it is produced.
public interface IResponder
{
    // The route this responder answers.
    Intent Intent { get; }

    // Streams the answer. Throw ResponderException for a failure the user should read about.
    IAsyncEnumerable<string> AnswerAsync(ResponderRequest request, CancellationToken cancellationToken);
}
