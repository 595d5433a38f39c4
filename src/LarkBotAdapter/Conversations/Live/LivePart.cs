namespace ChatOps.LarkBotAdapter.Conversations.Live;

// One message of a live answer as LiveReply sees it: which part it is, where its text starts in the answer, the code
// fence it re-opens (the previous message was cut inside it), how far of the answer it has shown, and the platform's
// state of it.
internal sealed class LivePart<TMessage>(int index, int start, string reopen, TMessage message)
    where TMessage : class
{
    public int Index { get; } = index;

    public int Start { get; } = start;

    public string Reopen { get; } = reopen;

    public TMessage Message { get; } = message;

    public int SentEnd { get; set; } = start;

    // What the message has shown of answer full (SentEnd never below Start).
    public string SentOf(string full) => Reopen + full[Start..SentEnd];

    // The text up to the end of answer full, starting with the fence it re-opens.
    public string TextOf(string full) => Reopen + full[Math.Min(Start, full.Length)..];
}
