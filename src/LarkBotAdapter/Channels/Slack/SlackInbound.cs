using ChatOps.LarkBotAdapter.Conversations;

namespace ChatOps.LarkBotAdapter.Channels.Slack;

/// <summary>What an Events API body turned out to be. Closed: only the nested records derive from it.</summary>
public abstract record SlackInbound
{
    private SlackInbound()
    {
    }

    /// <summary>The URL check Slack sends when the request URL is saved; answer <c>{"challenge": …}</c>.</summary>
    public sealed record UrlVerification(string Challenge) : SlackInbound;

    /// <summary>A user's message (<c>app_mention</c> or <c>message</c>) as a turn.</summary>
    /// <param name="IsAppMention">Delivered as <c>app_mention</c>: addressed to the bot by definition.</param>
    /// <param name="BotUserId">The bot's user id from the event's <c>authorizations</c>, when present.</param>
    public sealed record Message(ChatTurn Turn, bool IsAppMention, string? BotUserId) : SlackInbound;

    /// <summary>Well-formed but not for the bot: other event types, bots (its own messages too), edits, joins.</summary>
    public sealed record Ignored(string Reason) : SlackInbound;

    /// <summary>Not an Events API body the bot can read; the endpoint answers 400.</summary>
    public sealed record Malformed(string Reason) : SlackInbound;
}
