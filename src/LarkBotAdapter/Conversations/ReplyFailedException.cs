namespace ChatOps.LarkBotAdapter.Conversations;

// A reply could not be posted.
// targetGone: The message was recalled or the chat is gone: nothing more can be posted there.
// transient: Trying again later may work (rate limits, server errors).
public sealed class ReplyFailedException(string message, bool targetGone, bool transient, Exception? inner = null)
    : Exception(message, inner)
{
    public bool TargetGone { get; } = targetGone;

    public bool Transient { get; } = transient;
}
