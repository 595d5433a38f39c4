using System.Runtime.CompilerServices;
using ChatOps.IntentRecognition;
using ChatOps.LarkBotAdapter.Routing;

namespace ChatOps.LarkBotAdapter.Tests.AppHost;

/// <summary>A route backend whose runs answer in turn: each run streams the next script's text and, when the script
/// says so, then hangs until cancelled (a worker that dies mid-answer).</summary>
public sealed class QueuedResponder(Intent intent, params (string Text, bool HangAfter)[] scripts) : IResponder
{
    private int _runs;

    public Intent Intent => intent;

    public async IAsyncEnumerable<string> AnswerAsync(ResponderRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var (text, hang) = scripts[Math.Min(Interlocked.Increment(ref _runs) - 1, scripts.Length - 1)];
        foreach (var word in text.Split(' '))
        {
            await Task.Yield();
            yield return word + " ";
        }
        if (hang)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
    }
}
