using System.Runtime.CompilerServices;
using ChatOps.IntentRecognition;
using ChatOps.LarkBotAdapter.Routing;

namespace ChatOps.LarkBotAdapter.Tests.AppHost;

/// <summary>A route backend for tests: streams a given text in chunks, optionally failing after some of it.</summary>
public sealed class ScriptedResponder(Intent intent, string text, int chunkSize = 97, int? failAfterChars = null, bool retryable = true, int? stallAfterChars = null) : IResponder
{
    public Intent Intent => intent;

    public List<ResponderRequest> Requests { get; } = [];

    public async IAsyncEnumerable<string> AnswerAsync(ResponderRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        lock (Requests)
        {
            Requests.Add(request);
        }
        for (var i = 0; i < text.Length; i += chunkSize)
        {
            if (failAfterChars is { } limit && i >= limit)
            {
                throw new ResponderException("the knowledge base stopped answering mid-way.", retryable);
            }
            if (stallAfterChars is { } stall && i >= stall)
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            await Task.Yield();
            yield return text.Substring(i, Math.Min(chunkSize, text.Length - i));
        }
    }
}
