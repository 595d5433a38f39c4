using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace ChatOps.LarkBotAdapter.Channels.Lark.Api;

// The Lark Open API calls the bot makes: tenant token, bot info, thread replies, CardKit streaming cards and
// reactions.
public sealed class LarkOpenApiClient(HttpClient http, LarkTokenCache tokens)
{
    // Replies to messageId in its thread. uuid makes the call idempotent:
    // Lark posts one message per uuid (for an hour), so a retried job never posts twice.
    public async Task<string?> ReplyAsync(LarkApp app, string messageId, string msgType, string content, string uuid, CancellationToken cancellationToken)
    {
        var body = new LarkReplyRequest(content, msgType, ReplyInThread: true, uuid);
        var path = $"open-apis/im/v1/messages/{Uri.EscapeDataString(messageId)}/reply";
        var envelope = await SendWithTokenAsync(
            app,
            token => Post(path, token, JsonContent.Create(body, (JsonTypeInfo<LarkReplyRequest>)LarkApiJson.Options.GetTypeInfo(typeof(LarkReplyRequest)))),
            LarkApiJsonContext.Default.LarkEnvelopeLarkSentMessage,
            e => (e.Code, e.Msg),
            cancellationToken);
        return envelope.Data?.MessageId;
    }

    // Sends a new message to a chat (POST im/v1/messages?receive_id_type=chat_id), idempotent by uuid like a reply.
    public async Task<string?> SendToChatAsync(LarkApp app, string chatId, string msgType, string content, string uuid, CancellationToken cancellationToken)
    {
        var created = await SendJsonAsync(
            app, HttpMethod.Post, "open-apis/im/v1/messages?receive_id_type=chat_id", new LarkSendRequest(chatId, msgType, content, uuid),
            LarkApiJsonContext.Default.LarkEnvelopeLarkSentMessage, cancellationToken);
        return created.Data?.MessageId;
    }

    // Creates a card entity from card JSON 2.0 (POST cardkit/v1/cards) and returns its card_id.
    public async Task<string> CreateCardAsync(LarkApp app, string cardJson, CancellationToken cancellationToken)
    {
        var created = await SendJsonAsync(
            app, HttpMethod.Post, "open-apis/cardkit/v1/cards", new LarkCreateCardRequest("card_json", cardJson),
            LarkApiJsonContext.Default.LarkEnvelopeLarkCardCreated, cancellationToken);
        return created.Data?.CardId is { Length: > 0 } id ? id : throw new LarkApiException(created.Code, "no card_id in the answer", 200);
    }

    // Replaces the text of a card's markdown element (PUT …/elements/:element_id/content): the full text
    // each time; sequence must grow with every operation on the card.
    public Task StreamCardTextAsync(
        LarkApp app, string cardId, string elementId, string content, int sequence, string uuid, CancellationToken cancellationToken) =>
        SendJsonAsync(
            app, HttpMethod.Put, $"open-apis/cardkit/v1/cards/{Uri.EscapeDataString(cardId)}/elements/{Uri.EscapeDataString(elementId)}/content",
            new LarkCardContentRequest(content, sequence, uuid), LarkApiJsonContext.Default.LarkEnvelopeLarkNoData, cancellationToken);

    // Turns a card's streaming mode on or off (PATCH …/cards/:card_id/settings).
    public Task SetCardStreamingAsync(LarkApp app, string cardId, bool streaming, int sequence, string uuid, CancellationToken cancellationToken) =>
        SendJsonAsync(
            app, HttpMethod.Patch, $"open-apis/cardkit/v1/cards/{Uri.EscapeDataString(cardId)}/settings",
            new LarkCardSettingsRequest(streaming ? StreamingOn : StreamingOff, sequence, uuid),
            LarkApiJsonContext.Default.LarkEnvelopeLarkNoData, cancellationToken);

    // Appends components (a JSON array of card JSON 2.0 elements) at the end of a card (POST …/cards/:card_id/elements).
    public Task AppendCardElementsAsync(LarkApp app, string cardId, string elementsJson, int sequence, string uuid, CancellationToken cancellationToken) =>
        SendJsonAsync(
            app, HttpMethod.Post, $"open-apis/cardkit/v1/cards/{Uri.EscapeDataString(cardId)}/elements",
            new LarkCardElementsRequest("append", elementsJson, sequence, uuid),
            LarkApiJsonContext.Default.LarkEnvelopeLarkNoData, cancellationToken);

    // Replaces the card of an interactive message the bot sent (PATCH im/v1/messages/:message_id; the card must be
    // shared, update_multi).
    public Task UpdateCardMessageAsync(LarkApp app, string messageId, string cardJson, CancellationToken cancellationToken) =>
        SendJsonAsync(
            app, HttpMethod.Patch, $"open-apis/im/v1/messages/{Uri.EscapeDataString(messageId)}",
            new LarkUpdateMessageRequest(cardJson), LarkApiJsonContext.Default.LarkEnvelopeLarkNoData, cancellationToken);

    // Adds a reaction to a message and returns its reaction_id.
    public async Task<string> AddReactionAsync(LarkApp app, string messageId, string emojiType, CancellationToken cancellationToken)
    {
        var added = await SendJsonAsync(
            app, HttpMethod.Post, $"open-apis/im/v1/messages/{Uri.EscapeDataString(messageId)}/reactions",
            new LarkReactionRequest(new LarkReactionType(emojiType)), LarkApiJsonContext.Default.LarkEnvelopeLarkReactionCreated, cancellationToken);
        return added.Data?.ReactionId ?? "";
    }

    public Task DeleteReactionAsync(LarkApp app, string messageId, string reactionId, CancellationToken cancellationToken) =>
        SendWithTokenAsync(
            app,
            token => new HttpRequestMessage(
                HttpMethod.Delete, $"open-apis/im/v1/messages/{Uri.EscapeDataString(messageId)}/reactions/{Uri.EscapeDataString(reactionId)}")
            {
                Headers = { Authorization = Bearer(token) },
            },
            LarkApiJsonContext.Default.LarkEnvelopeLarkNoData,
            e => (e.Code, e.Msg),
            cancellationToken);

    private const string StreamingOn = "{\"config\":{\"streaming_mode\":true}}";
    private const string StreamingOff = "{\"config\":{\"streaming_mode\":false}}";

    private Task<LarkEnvelope<TData>> SendJsonAsync<TBody, TData>(
        LarkApp app, HttpMethod method, string path, TBody body, JsonTypeInfo<LarkEnvelope<TData>> answer, CancellationToken cancellationToken) =>
        SendWithTokenAsync(
            app,
            token => new HttpRequestMessage(method, path)
            {
                Content = JsonContent.Create(body, (JsonTypeInfo<TBody>)LarkApiJson.Options.GetTypeInfo(typeof(TBody))),
                Headers = { Authorization = Bearer(token) },
            },
            answer,
            e => (e.Code, e.Msg),
            cancellationToken);

    // The bot's own open_id, used to tell whether a group message @mentions it.
    public async Task<string> GetBotOpenIdAsync(LarkApp app, CancellationToken cancellationToken)
    {
        var info = await SendWithTokenAsync(
            app,
            token => new HttpRequestMessage(HttpMethod.Get, "open-apis/bot/v3/info") { Headers = { Authorization = Bearer(token) } },
            LarkApiJsonContext.Default.LarkBotInfoResponse,
            r => (r.Code, r.Msg),
            cancellationToken);
        return info.Bot?.OpenId is { Length: > 0 } openId
            ? openId
            : throw new LarkApiException(info.Code, "bot info has no open_id", 200);
    }

    // Fetches a fresh tenant_access_token (callers go through LarkTokenCache).
    internal async Task<(string Token, TimeSpan Lifetime)> FetchTenantTokenAsync(LarkApp app, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync(
            "open-apis/auth/v3/tenant_access_token/internal",
            new LarkTokenRequest(app.AppId, app.AppSecret),
            LarkApiJsonContext.Default.LarkTokenRequest,
            cancellationToken);
        var parsed = await ReadAsync(response, LarkApiJsonContext.Default.LarkTokenResponse, cancellationToken);
        if (parsed is not { Code: 0, TenantAccessToken.Length: > 0 })
        {
            throw new LarkApiException(parsed?.Code ?? -1, parsed?.Msg ?? "no tenant_access_token in the answer", (int)response.StatusCode);
        }
        return (parsed.TenantAccessToken, TimeSpan.FromSeconds(Math.Max(parsed.Expire, 60)));
    }

    private async Task<T> SendWithTokenAsync<T>(
        LarkApp app,
        Func<string, HttpRequestMessage> build,
        JsonTypeInfo<T> type,
        Func<T, (int Code, string? Msg)> status,
        CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var token = await tokens.GetAsync(app, FetchTenantTokenAsync, cancellationToken);
            using var request = build(token);
            using var response = await http.SendAsync(request, cancellationToken);
            var parsed = await ReadAsync(response, type, cancellationToken);
            var (code, msg) = parsed is null ? (-1, $"unreadable answer (HTTP {(int)response.StatusCode})") : status(parsed);
            if (code == 0 && response.IsSuccessStatusCode && parsed is not null)
            {
                return parsed;
            }
            var error = new LarkApiException(code, msg ?? "", (int)response.StatusCode);
            if (error.IsTokenError && attempt == 0)
            {
                tokens.Invalidate(app, token);
                continue;
            }
            throw error;
        }
    }

    private static HttpRequestMessage Post(string path, string token, HttpContent content) =>
        new(HttpMethod.Post, path) { Content = content, Headers = { Authorization = Bearer(token) } };

    private static AuthenticationHeaderValue Bearer(string token) => new("Bearer", token);

    private static async Task<T?> ReadAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync(type, cancellationToken);
        }
        catch (JsonException)
        {
            return default;
        }
    }
}
