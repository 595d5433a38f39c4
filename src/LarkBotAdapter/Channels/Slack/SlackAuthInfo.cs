namespace ChatOps.LarkBotAdapter.Channels.Slack;

// Who the bot token belongs to (auth.test).
public sealed record SlackAuthInfo(string UserId, string TeamId, string? BotId);
