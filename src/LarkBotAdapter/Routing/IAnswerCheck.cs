using ChatOps.IntentRecognition;
using ChatOps.LarkBotAdapter.Conversations;
using ChatOps.LarkBotAdapter.Texts;

namespace ChatOps.LarkBotAdapter.Routing;

// Checks a route's answer one segment at a time, before the segment is posted.
public interface IAnswerCheck
{
    // The route whose answers this checks.
    Intent Intent { get; }

    // Null when markdown may be posted; otherwise the text to post instead (in language, the turn's), after which
    // the answer stops. Throw ResponderException when the check itself fails: nothing unchecked is posted.
    Task<string?> CheckAsync(ChatTurn turn, TurnLanguage language, string markdown, CancellationToken cancellationToken);
}
