using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ChatOps.LarkBotAdapter.Channels.Slack;

// Messages with Block Kit blocks (approval cards): chat.postMessage and chat.update with blocks beside the fallback
// text, and private answers to a click through its response_url.
public sealed partial class SlackWebApiClient
{
    private static readonly JsonWriterOptions BlocksWriter = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    // Posts blocks (a JSON array) with text as the notification fallback, in the thread of threadTs when given.
    // Returns the new message's ts.
    public async Task<string> PostBlocksJsonAsync(string channel, string text, string blocksJson, string? threadTs, CancellationToken cancellationToken)
    {
        var body = BlocksBody(channel, ts: null, threadTs, text, blocksJson);
        var response = await CallAsync("chat.postMessage", () => JsonBody(body), SlackJsonContext.Default.SlackPostMessageResponse, cancellationToken);
        return response.Ts ?? throw new SlackApiException("chat.postMessage", "no_ts_in_answer", 200);
    }

    // Replaces the text and blocks of the message ts in channel (blocks replace the old ones entirely).
    public async Task UpdateBlocksJsonAsync(string channel, string ts, string text, string blocksJson, CancellationToken cancellationToken)
    {
        var body = BlocksBody(channel, ts, threadTs: null, text, blocksJson);
        await CallAsync("chat.update", () => JsonBody(body), SlackJsonContext.Default.SlackPostMessageResponse, cancellationToken);
    }

    // Tells only the person who clicked (response_type ephemeral), leaving the message they clicked as it is. A URL
    // off SlackResponseUrlPolicy is refused unsent.
    public async Task PostEphemeralAsync(Uri responseUrl, string text, CancellationToken cancellationToken)
    {
        if (!responseUrls.Allows(responseUrl.OriginalString))
        {
            throw new SlackApiException("response_url", "response_url_not_allowed", 400);
        }
        var message = new SlackCommandMessage("ephemeral", text, ReplaceOriginal: false);
        using var response = await SendAsync(
            "response_url",
            () => new HttpRequestMessage(HttpMethod.Post, responseUrl)
            {
                Content = JsonContent.Create(message, SlackJsonContext.Default.SlackCommandMessage, new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" }),
            },
            cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new SlackApiException("response_url", $"http_{(int)response.StatusCode}", (int)response.StatusCode);
        }
    }

    private static byte[] BlocksBody(string channel, string? ts, string? threadTs, string text, string blocksJson)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, BlocksWriter))
        {
            json.WriteStartObject();
            json.WriteString("channel", channel);
            if (ts is not null)
            {
                json.WriteString("ts", ts);
            }
            if (threadTs is not null)
            {
                json.WriteString("thread_ts", threadTs);
            }
            json.WriteString("text", text);
            json.WritePropertyName("blocks");
            json.WriteRawValue(blocksJson);
            if (ts is null)
            {
                // chat.postMessage only; chat.update takes no unfurl arguments.
                json.WriteBoolean("unfurl_links", false);
                json.WriteBoolean("unfurl_media", false);
            }
            json.WriteEndObject();
        }
        return buffer.ToArray();
    }

    private static ByteArrayContent JsonBody(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return content;
    }
}
