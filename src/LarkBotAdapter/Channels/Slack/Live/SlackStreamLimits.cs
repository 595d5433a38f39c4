namespace ChatOps.LarkBotAdapter.Channels.Slack.Live;

// Slack's limits on streamed answers, with margins (tests register smaller ones). Rate tiers are per method, per
// workspace and app, so the spacing is shared by every answer streaming in one workspace.
public sealed record SlackStreamLimits
{
    // Between two chat.appendStream calls in one workspace: Tier 4 allows about 100 a minute.
    public TimeSpan AppendSpacing { get; init; } = TimeSpan.FromMilliseconds(600);

    // Between two chat.update calls in one workspace (answers shown by editing): Tier 3 allows about 50 a minute.
    public TimeSpan UpdateSpacing { get; init; } = TimeSpan.FromMilliseconds(1200);

    // Answer text one message holds (JSON-encoded bytes, so never more characters): markdown_text and a markdown block
    // take at most 12,000 characters; the rest of the answer continues in a new message.
    public int MaxMessageBytes { get; init; } = 11_000;
}
