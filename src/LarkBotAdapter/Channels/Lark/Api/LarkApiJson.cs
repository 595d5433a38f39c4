using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatOps.LarkBotAdapter.Channels.Lark.Api;

internal sealed record LarkTokenRequest(
    [property: JsonPropertyName("app_id")] string AppId,
    [property: JsonPropertyName("app_secret")] string AppSecret);

internal sealed record LarkTokenResponse(
    [property: JsonPropertyName("code")] int Code,
    [property: JsonPropertyName("msg")] string? Msg,
    [property: JsonPropertyName("tenant_access_token")] string? TenantAccessToken,
    [property: JsonPropertyName("expire")] int Expire);

internal sealed record LarkReplyRequest(
    [property: JsonPropertyName("content")] string Content,
    [property: JsonPropertyName("msg_type")] string MsgType,
    [property: JsonPropertyName("reply_in_thread")] bool ReplyInThread,
    [property: JsonPropertyName("uuid")] string Uuid);

internal sealed record LarkSendRequest(
    [property: JsonPropertyName("receive_id")] string ReceiveId,
    [property: JsonPropertyName("msg_type")] string MsgType,
    [property: JsonPropertyName("content")] string Content,
    [property: JsonPropertyName("uuid")] string Uuid);

internal sealed record LarkUpdateMessageRequest(
    [property: JsonPropertyName("content")] string Content);

internal sealed record LarkEnvelope<T>(
    [property: JsonPropertyName("code")] int Code,
    [property: JsonPropertyName("msg")] string? Msg,
    [property: JsonPropertyName("data")] T? Data);

internal sealed record LarkSentMessage(
    [property: JsonPropertyName("message_id")] string? MessageId,
    [property: JsonPropertyName("thread_id")] string? ThreadId);

internal sealed record LarkBotInfoResponse(
    [property: JsonPropertyName("code")] int Code,
    [property: JsonPropertyName("msg")] string? Msg,
    [property: JsonPropertyName("bot")] LarkBotInfo? Bot);

internal sealed record LarkBotInfo(
    [property: JsonPropertyName("open_id")] string? OpenId,
    [property: JsonPropertyName("app_name")] string? AppName);

internal sealed record LarkCreateCardRequest(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("data")] string Data);

internal sealed record LarkCardCreated(
    [property: JsonPropertyName("card_id")] string? CardId);

internal sealed record LarkCardContentRequest(
    [property: JsonPropertyName("content")] string Content,
    [property: JsonPropertyName("sequence")] int Sequence,
    [property: JsonPropertyName("uuid")] string Uuid);

internal sealed record LarkCardSettingsRequest(
    [property: JsonPropertyName("settings")] string Settings,
    [property: JsonPropertyName("sequence")] int Sequence,
    [property: JsonPropertyName("uuid")] string Uuid);

internal sealed record LarkCardElementsRequest(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("elements")] string Elements,
    [property: JsonPropertyName("sequence")] int Sequence,
    [property: JsonPropertyName("uuid")] string Uuid);

internal sealed record LarkReactionType(
    [property: JsonPropertyName("emoji_type")] string EmojiType);

internal sealed record LarkReactionRequest(
    [property: JsonPropertyName("reaction_type")] LarkReactionType ReactionType);

internal sealed record LarkReactionCreated(
    [property: JsonPropertyName("reaction_id")] string? ReactionId);

internal sealed record LarkNoData;

// Reply bodies nest JSON in a string; the relaxed encoder keeps them compact (Lark caps a request at 30 KB).
[JsonSourceGenerationOptions(JsonSerializerDefaults.General)]
[JsonSerializable(typeof(LarkTokenRequest))]
[JsonSerializable(typeof(LarkTokenResponse))]
[JsonSerializable(typeof(LarkReplyRequest))]
[JsonSerializable(typeof(LarkEnvelope<LarkSentMessage>))]
[JsonSerializable(typeof(LarkBotInfoResponse))]
[JsonSerializable(typeof(LarkCreateCardRequest))]
[JsonSerializable(typeof(LarkEnvelope<LarkCardCreated>))]
[JsonSerializable(typeof(LarkCardContentRequest))]
[JsonSerializable(typeof(LarkCardSettingsRequest))]
[JsonSerializable(typeof(LarkCardElementsRequest))]
[JsonSerializable(typeof(LarkUpdateMessageRequest))]
[JsonSerializable(typeof(LarkSendRequest))]
[JsonSerializable(typeof(LarkReactionRequest))]
[JsonSerializable(typeof(LarkEnvelope<LarkReactionCreated>))]
[JsonSerializable(typeof(LarkEnvelope<LarkNoData>))]
internal sealed partial class LarkApiJsonContext : JsonSerializerContext;

internal static class LarkApiJson
{
    public static JsonSerializerOptions Options { get; } = new(LarkApiJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
