using System.Text.Json;
using ChatOps.LarkBotAdapter.Channels.Slack.Rendering;
using ChatOps.LarkBotAdapter.Conversations;

namespace ChatOps.LarkBotAdapter.Channels.Slack.Inbound;

// Reads a (verified) Events API body into a SlackInbound.
// Turns: Platform "slack", AppId the workspace (team id: message ts values are unique per
// channel within a workspace, and one bot token serves one workspace), ChatId the channel, ChatType
// "p2p" for direct messages, MessageId the message ts, RootId the thread's root ts for replies.
public static class SlackEventParser
{
    // knownBotUserId: The bot's user id when the event carries no authorizations.
    public static SlackInbound Parse(ReadOnlySpan<byte> body, string? knownBotUserId)
    {
        SlackEnvelope? envelope;
        try
        {
            envelope = JsonSerializer.Deserialize(body, SlackJsonContext.Default.SlackEnvelope);
        }
        catch (JsonException ex)
        {
            return new SlackInbound.Malformed($"not a Slack event: {ex.Message}");
        }
        return Unwrap(envelope) is { } other ? other : Message(envelope!, envelope!.Event!, knownBotUserId);
    }

    // What the envelope is when it is not a plain user message to read (a challenge, something to ignore, or malformed);
    // null for a message.
    private static SlackInbound? Unwrap(SlackEnvelope? envelope)
    {
        switch (envelope?.Type)
        {
            case "url_verification":
                return envelope.Challenge is { Length: > 0 } challenge
                    ? new SlackInbound.UrlVerification(challenge)
                    : new SlackInbound.Malformed("url_verification without a challenge");
            case "event_callback":
                break;
            case null:
                return new SlackInbound.Malformed("no type");
            default:
                return new SlackInbound.Ignored($"envelope type {envelope.Type}");
        }
        if (envelope.Event is not { } e || string.IsNullOrEmpty(envelope.TeamId))
        {
            return new SlackInbound.Malformed("event_callback without event or team_id");
        }
        if (e.Type is not ("app_mention" or "message"))
        {
            return new SlackInbound.Ignored($"event type {e.Type}");
        }
        // No loops and no noise: bots (this one included), edits, deletions, joins and other subtypes are not questions.
        if (e.BotId is not null || e.Subtype is not (null or "thread_broadcast") || string.IsNullOrEmpty(e.User))
        {
            return new SlackInbound.Ignored("not a plain user message");
        }
        return string.IsNullOrEmpty(e.Channel) || string.IsNullOrEmpty(e.Ts)
            ? new SlackInbound.Malformed("message event without channel or ts")
            : null;
    }

    private static SlackInbound.Message Message(SlackEnvelope envelope, SlackEventBody e, string? knownBotUserId)
    {
        var botUserId = envelope.Authorizations?.FirstOrDefault(a => a.IsBot)?.UserId ?? knownBotUserId;
        var raw = e.Text ?? string.Empty;
        var text = SlackText.ToPlainText(raw, botUserId);
        if (e.Type == "app_mention" && botUserId is null)
        {
            // Bot id unknown: the leading mention is the one that addressed the bot.
            text = SlackText.ToPlainText(LeadingMention(raw), botUserId: null);
        }
        var rootId = e.ThreadTs is { Length: > 0 } threadTs && threadTs != e.Ts ? threadTs : null;
        var turn = new ChatTurn(
            Platforms.Slack,
            envelope.TeamId!,
            e.Channel!,
            e.ChannelType == "im" ? ChatTypes.Direct : ChatTypes.Group,
            e.Ts!,
            rootId,
            rootId,
            e.User!,
            "text",
            text,
            SlackText.MentionedUserIds(raw));
        return new SlackInbound.Message(turn, e.Type == "app_mention", botUserId);
    }

    private static string LeadingMention(string raw)
    {
        var trimmed = raw.TrimStart();
        var end = trimmed.IndexOf('>', StringComparison.Ordinal);
        return trimmed.StartsWith("<@", StringComparison.Ordinal) && end > 0 ? trimmed[(end + 1)..] : raw;
    }
}
