namespace ChatOps.LarkBotAdapter.Channels.Lark.Rendering;

// Lark's limits on streaming cards, with margins (tests register smaller ones).
public sealed record LarkCardLimits
{
    // Between two operations on one card: Lark allows 10 per second per card.
    public TimeSpan CardSpacing { get; init; } = TimeSpan.FromMilliseconds(110);

    // Between two card operations of one app: Lark allows 50 per second per app.
    public TimeSpan AppSpacing { get; init; } = TimeSpan.FromMilliseconds(22);

    // Card creations of one app within CreateWindow: Lark's create call has its own limit, 50 per second per app. A
    // burst goes at once, so answers that start together each get their card without queueing behind the others; the
    // window is a little over a second and the count under 50 so that requests delayed on the way stay within it.
    public int CreatesPerWindow { get; init; } = 45;

    public TimeSpan CreateWindow { get; init; } = TimeSpan.FromSeconds(1.1);

    // How long one card streams: Lark ends streaming mode by itself after 10 minutes, so a card is closed
    // before that and the answer continues in a new one.
    public TimeSpan MaxStreamAge { get; init; } = TimeSpan.FromMinutes(9.5);

    // Answer text one card holds (JSON-encoded bytes): a card is at most 30 KB, with room for the rest of it.
    public int MaxAnswerBytes { get; init; } = 24_000;
}
