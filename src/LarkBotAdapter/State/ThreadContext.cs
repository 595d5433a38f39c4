using ChatOps.IntentRecognition;

namespace ChatOps.LarkBotAdapter.State;

/// <summary>What the bot remembers of one thread.</summary>
/// <param name="ThreadKey">See <see cref="Conversations.ChatTurn.ThreadKey"/>.</param>
/// <param name="Turns">Recent turns, oldest first (bounded by the worker).</param>
/// <param name="Attributes">Route-specific state, e.g. a knowledge-base session id.</param>
/// <param name="UpdatedAt">When the thread was last saved.</param>
public sealed record ThreadContext(
    string ThreadKey,
    IReadOnlyList<ConversationTurn> Turns,
    IReadOnlyDictionary<string, string> Attributes,
    DateTimeOffset UpdatedAt)
{
    /// <summary>A thread with nothing remembered yet.</summary>
    public static ThreadContext Empty(string threadKey, DateTimeOffset now) =>
        new(threadKey, [], new Dictionary<string, string>(), now);
}
