namespace ChatOps.LarkBotAdapter.Channels.Lark.Cards;

// Lark's limits on streaming cards, with margins (tests register smaller ones).
public sealed record LarkCardLimits
{
    // Between two operations on one card: Lark allows 10 per second per card.
    public TimeSpan CardSpacing { get; init; } = TimeSpan.FromMilliseconds(110);

    // Card calls of one app within AppWindow: Lark allows 50 per second per app. A burst goes at once (answers that
    // start together each get their card without queueing behind the others); the window is a little over a second
    // and the count under 50 so that requests delayed on the way still fall within Lark's limit.
    public int AppOperationsPerWindow { get; init; } = 45;

    public TimeSpan AppWindow { get; init; } = TimeSpan.FromSeconds(1.1);

    // How long one card streams: Lark ends streaming mode by itself after 10 minutes, so a card is closed
    // before that and the answer continues in a new one.
    public TimeSpan MaxStreamAge { get; init; } = TimeSpan.FromMinutes(9.5);

    // Answer text one card holds (JSON-encoded bytes): a card is at most 30 KB, with room for the rest of it.
    public int MaxAnswerBytes { get; init; } = 24_000;
}
