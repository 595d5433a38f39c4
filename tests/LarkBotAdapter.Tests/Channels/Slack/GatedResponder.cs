using System.Runtime.CompilerServices;
using ChatOps.IntentRecognition;
using ChatOps.LarkBotAdapter.Routing;

namespace ChatOps.LarkBotAdapter.Tests.Channels.Slack;

/// <summary>A knowledge-base route that answers only once the test opens the gate, to show the ack does not wait for it.</summary>
public sealed class GatedResponder(string text) : IResponder
{
    private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Intent Intent => Intent.KnowledgeBase;

    public bool Started { get; private set; }

    public void Open() => _gate.TrySetResult();

    public async IAsyncEnumerable<string> AnswerAsync(ResponderRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Started = true;
        await _gate.Task.WaitAsync(cancellationToken);
        yield return text;
    }
}
