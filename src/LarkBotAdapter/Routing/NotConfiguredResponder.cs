using System.Runtime.CompilerServices;
using ChatOps.IntentRecognition;
using ChatOps.LarkBotAdapter.Texts;

namespace ChatOps.LarkBotAdapter.Routing;

// Answers a route whose backend is not configured, saying exactly what to set.
public sealed class NotConfiguredResponder(Intent intent, string variables) : IResponder
{
    public Intent Intent => intent;

    public async IAsyncEnumerable<string> AnswerAsync(ResponderRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.CompletedTask;
        yield return RouteTexts.NotConfigured(request.Language, intent, variables);
    }
}
