using ChatOps.IntentRecognition;

namespace ChatOps.LarkBotAdapter.Routing;

/// <summary>Answers one route. Streams Markdown text as it is produced.</summary>
public interface IResponder
{
    /// <summary>The route this responder answers.</summary>
    Intent Intent { get; }

    /// <summary>Streams the answer. Throw <see cref="ResponderException"/> for a failure the user should read about.</summary>
    IAsyncEnumerable<string> AnswerAsync(ResponderRequest request, CancellationToken cancellationToken);
}
