using ChatOps.IntentRecognition;
using ChatOps.LarkBotAdapter.Conversations;

namespace ChatOps.LarkBotAdapter.Routing;

/// <summary>Checks a route's answer one segment at a time, before the segment is posted.</summary>
public interface IAnswerCheck
{
    /// <summary>The route whose answers this checks.</summary>
    Intent Intent { get; }

    /// <summary>Null when <paramref name="markdown"/> may be posted; otherwise the text to post instead, after which
    /// the answer stops. Throw <see cref="ResponderException"/> when the check itself fails: nothing unchecked is posted.</summary>
    Task<string?> CheckAsync(ChatTurn turn, string markdown, CancellationToken cancellationToken);
}
