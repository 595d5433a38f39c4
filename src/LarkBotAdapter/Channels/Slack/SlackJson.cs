using System.Text.Json.Serialization;

namespace ChatOps.LarkBotAdapter.Channels.Slack;

/// <summary>An Events API request body: <c>url_verification</c> or <c>event_callback</c>.</summary>
internal sealed record SlackEnvelope(
    string? Type,
    string? Challenge,
    string? TeamId,
    string? ApiAppId,
    string? EventId,
    SlackEventBody? Event,
    IReadOnlyList<SlackAuthorization>? Authorizations);

/// <summary>The <c>event</c> of an <c>event_callback</c> (the fields the bot reads of <c>app_mention</c> and <c>message</c>).</summary>
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

/// <summary>Who the event was delivered for; for a bot installation, the bot's own user id.</summary>
internal sealed record SlackAuthorization(string? UserId, string? TeamId, bool IsBot);

/// <summary><c>chat.postMessage</c> arguments (sent as JSON).</summary>
internal sealed record SlackPostMessageRequest(
    string Channel,
    string Text,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ThreadTs,
    bool Mrkdwn = true,
    bool UnfurlLinks = false,
    bool UnfurlMedia = false);

/// <summary>A message sent to a slash command's <c>response_url</c>, or returned as its immediate answer.</summary>
internal sealed record SlackCommandMessage(string ResponseType, string Text, bool ReplaceOriginal = false);

/// <summary>Every Web API answer: <c>{"ok": false, "error": "…"}</c> on failure.</summary>
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
