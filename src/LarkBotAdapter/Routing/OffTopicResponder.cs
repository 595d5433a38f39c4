using System.Runtime.CompilerServices;
using ChatOps.IntentRecognition;
using ChatOps.LarkBotAdapter.Texts;

namespace ChatOps.LarkBotAdapter.Routing;

// A short, polite refusal in the language of the question.
public sealed class OffTopicResponder : IResponder
{
    public Intent Intent => Intent.OffTopic;

    public async IAsyncEnumerable<string> AnswerAsync(ResponderRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.CompletedTask;
        yield return RouteTexts.OffTopic(request.Language);
    }
}
