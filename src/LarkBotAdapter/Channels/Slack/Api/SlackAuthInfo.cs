namespace ChatOps.LarkBotAdapter.Channels.Slack.Api;

// Who the bot token belongs to (auth.test).
public sealed record SlackAuthInfo(string UserId, string TeamId, string? BotId);
