using System.Text.Json.Serialization;
using ChatOps.LarkBotAdapter.Channels.Slack.Inbound;

namespace ChatOps.LarkBotAdapter.Channels.Slack.Live;

// The answer of chat.startStream, chat.stopStream, chat.update and chat.postMessage: the message's ts.
internal sealed record SlackTsResponse(bool Ok, string? Error, string? Ts, string? Channel) : SlackApiResponse(Ok, Error);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, MaxDepth = 32)]
[JsonSerializable(typeof(SlackApiResponse))]
[JsonSerializable(typeof(SlackTsResponse))]
internal sealed partial class SlackLiveJsonContext : JsonSerializerContext;
