namespace ChatOps.IntentRecognition;

/// <summary>A question to classify, with the thread it belongs to.</summary>
/// <param name="Text">The user's message as plain text (mentions removed).</param>
/// <param name="History">Earlier turns of the same thread, oldest first; empty for a new thread.</param>
public sealed record IntentRequest(string Text, IReadOnlyList<ConversationTurn> History)
{
    /// <summary>A request with no thread history.</summary>
    public static IntentRequest Single(string text) => new(text, []);
}
