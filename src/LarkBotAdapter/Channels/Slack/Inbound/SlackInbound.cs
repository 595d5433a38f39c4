using ChatOps.LarkBotAdapter.Conversations;

namespace ChatOps.LarkBotAdapter.Channels.Slack.Inbound;

// What an Events API body turned out to be. Closed: only the nested records derive from it.
public abstract record SlackInbound
{
    private SlackInbound()
    {
    }

    // The URL check Slack sends when the request URL is saved; answer {"challenge": …}.
    public sealed record UrlVerification(string Challenge) : SlackInbound;

    // A user's message (app_mention or message) as a turn.
    // IsAppMention: Delivered as app_mention: addressed to the bot by definition.
    // BotUserId: The bot's user id from the event's authorizations, when present.
    public sealed record Message(ChatTurn Turn, bool IsAppMention, string? BotUserId) : SlackInbound;

    // Well-formed but not for the bot: other event types, bots (its own messages too), edits, joins.
    public sealed record Ignored(string Reason) : SlackInbound;

    // Not an Events API body the bot can read; the endpoint answers 400.
    public sealed record Malformed(string Reason) : SlackInbound;
}
