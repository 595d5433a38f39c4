namespace ChatOps.LarkBotAdapter.Ingress;

// What a platform knows about a message's addressee, beyond the turn's chat type and @mentions.
// BotId: the bot's own user id on the platform, or null while it is not known yet.
// ReportedAsMention: the platform itself says the message @mentions the bot (Slack's app_mention event).
// MentionsArriveSeparately: every @mention of the bot also arrives as its own event (Slack's app_mention), so a plain
// message outside the bot's threads need not wait for the worker to learn the bot's id.
public sealed record AddressFacts(string? BotId, bool ReportedAsMention = false, bool MentionsArriveSeparately = false);
