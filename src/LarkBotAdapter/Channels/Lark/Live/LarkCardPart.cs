using ChatOps.LarkBotAdapter.Conversations.Live;

namespace ChatOps.LarkBotAdapter.Channels.Lark.Live;

// One card of a live answer: the card entity and its reply (LarkCardRef), the last sequence number its operations
// used, since when it streams, what its answer and status elements show, and its own pacing (Lark allows 10
// operations a second per card).
internal sealed class LarkCardPart(int index, LarkCardRef reference, DateTimeOffset streamingSince, SlotPacer pacer)
{
    public int Index { get; } = index;

    public LarkCardRef Ref { get; set; } = reference;

    public DateTimeOffset StreamingSince { get; set; } = streamingSince;

    public int Sequence { get; set; }

    public string? SentAnswer { get; set; }

    public string? SentStatus { get; set; }

    public SlotPacer Pacer { get; } = pacer;
}
