using ChatOps.IntentRecognition;

namespace ChatOps.LarkBotAdapter.State;

// What the bot remembers of one thread.
// ThreadKey: See Conversations.ChatTurn.ThreadKey.
// Turns: Recent turns, oldest first (bounded by the worker).
// Attributes: Route-specific state, e.g. a knowledge-base session id.
// UpdatedAt: When the thread was last saved.
// Version: How many conditional saves the stored context has seen (0: none stored); a conditional save succeeds only
// when the stored version is still the one this context was read with, so two turns never lose each other's exchange.
public sealed record ThreadContext(
    string ThreadKey,
    IReadOnlyList<ConversationTurn> Turns,
    IReadOnlyDictionary<string, string> Attributes,
    DateTimeOffset UpdatedAt,
    long Version = 0)
{
    // A thread with nothing remembered yet.
    public static ThreadContext Empty(string threadKey, DateTimeOffset now) =>
        new(threadKey, [], new Dictionary<string, string>(), now);
}
