namespace ChatOps.LarkBotAdapter.Conversations;

// What one post put in the chat, for the worker to record: the reply positions the message carries and the
// platform's id for it (a Lark message id, a Slack ts). Usually one position; none while a channel holds a segment to
// send with a later one, several when such a pack goes out (Slack's response_url).
public sealed record PostReceipt(IReadOnlyList<int> Positions, string MessageRef)
{
    // Nothing was sent yet: the segment waits for a later one.
    public static readonly PostReceipt Held = new([], "");

    public static PostReceipt Of(int position, string messageRef) => new([position], messageRef);
}
