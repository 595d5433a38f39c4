using ChatOps.IntentRecognition;
using ChatOps.LarkBotAdapter.Conversations;

namespace ChatOps.LarkBotAdapter.Routing;

// What a responder gets: the turn, its thread and the chosen route.
// Attributes: The thread's route state; a responder may update it (saved after the answer).
public sealed record ResponderRequest(
    ChatTurn Turn,
    IReadOnlyList<ConversationTurn> History,
    IntentResult Intent,
    IDictionary<string, string> Attributes);
