using ChatOps.IntentRecognition;
using ChatOps.LarkBotAdapter.Conversations;
using ChatOps.LarkBotAdapter.Texts;

namespace ChatOps.LarkBotAdapter.Routing;

// What a responder gets: the turn, its thread and the chosen route.
// Attributes: The thread's route state; a responder may update it (saved after the answer).
public sealed record ResponderRequest(
    ChatTurn Turn,
    IReadOnlyList<ConversationTurn> History,
    IntentResult Intent,
    IDictionary<string, string> Attributes)
{
    // The language of the answer's own words: the worker sets the one it decided for the turn; a request built
    // elsewhere (the local console, tests) takes the question's.
    private TurnLanguage? _language;

    public TurnLanguage Language
    {
        get => _language ??= TurnLanguage.Of(Turn.Text);
        init => _language = value;
    }
}
