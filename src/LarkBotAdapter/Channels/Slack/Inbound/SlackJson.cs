using System.Text.Json.Serialization;

namespace ChatOps.LarkBotAdapter.Channels.Slack.Inbound;

// An Events API request body: url_verification or event_callback.
internal sealed record SlackEnvelope(
    string? Type,
    string? Challenge,
    string? TeamId,
    string? ApiAppId,
    string? EventId,
    SlackEventBody? Event,
    IReadOnlyList<SlackAuthorization>? Authorizations);

// The event of an event_callback (the fields the bot reads of app_mention and message).
internal sealed record SlackEventBody(
    string? Type,
    string? Subtype,
    string? User,
    string? BotId,
    string? Text,
    string? Ts,
    string? ThreadTs,
    string? Channel,
    string? ChannelType,
    string? Team);

// Who the event was delivered for; for a bot installation, the bot's own user id.
internal sealed record SlackAuthorization(string? UserId, string? TeamId, bool IsBot);

// chat.postMessage arguments (sent as JSON).
internal sealed record SlackPostMessageRequest(
    string Channel,
    string Text,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ThreadTs,
    bool Mrkdwn = true,
    bool UnfurlLinks = false,
    bool UnfurlMedia = false);

// A message sent to a slash command's response_url, or returned as its immediate answer.
internal sealed record SlackCommandMessage(string ResponseType, string Text, bool ReplaceOriginal = false);

// Every Web API answer: {"ok": false, "error": "…"} on failure.
internal record SlackApiResponse(bool Ok, string? Error);

internal sealed record SlackPostMessageResponse(bool Ok, string? Error, string? Ts, string? Channel) : SlackApiResponse(Ok, Error);

internal sealed record SlackAuthTestResponse(bool Ok, string? Error, string? UserId, string? TeamId, string? BotId) : SlackApiResponse(Ok, Error);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, MaxDepth = 32)]
[JsonSerializable(typeof(SlackEnvelope))]
[JsonSerializable(typeof(SlackPostMessageRequest))]
[JsonSerializable(typeof(SlackCommandMessage))]
[JsonSerializable(typeof(SlackPostMessageResponse))]
[JsonSerializable(typeof(SlackAuthTestResponse))]
internal sealed partial class SlackJsonContext : JsonSerializerContext;
