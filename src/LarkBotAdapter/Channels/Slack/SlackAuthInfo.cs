namespace ChatOps.LarkBotAdapter.Channels.Slack;

/// <summary>Who the bot token belongs to (<c>auth.test</c>).</summary>
public sealed record SlackAuthInfo(string UserId, string TeamId, string? BotId);
