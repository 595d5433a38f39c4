using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using ChatOps.LarkBotAdapter.Channels.Slack.Inbound;
using ChatOps.LarkBotAdapter.Secrets;
using Microsoft.Extensions.Options;

namespace ChatOps.LarkBotAdapter.Channels.Slack.Api;

// The Slack Web API calls the bot makes (chat.postMessage, auth.test) and posts to a slash
// command's response_url. HTTP 429 waits for Retry-After and tries again; nothing else is retried here,
// because a re-sent chat.postMessage that had in fact succeeded would post twice.
public sealed partial class SlackWebApiClient(
    HttpClient http,
    IOptionsMonitor<SlackOptions> options,
    SlackResponseUrlPolicy responseUrls,
    TimeProvider time,
    ILogger<SlackWebApiClient> logger,
    SecretRefresher? secrets = null)
{
    // Rate-limited attempts retried before giving up (the worker may still retry the reply later).
    public const int MaxRateLimitRetries = 3;

    // Longest single wait for Retry-After; a longer one fails the call as transient instead.
    public static readonly TimeSpan MaxRetryAfter = TimeSpan.FromSeconds(60);

    // Posts text (mrkdwn) to channel, in the thread of
    // threadTs when given. Returns the new message's ts.
    public async Task<string> PostMessageAsync(string channel, string text, string? threadTs, CancellationToken cancellationToken)
    {
        var body = new SlackPostMessageRequest(channel, text, threadTs);
        var response = await CallAsync(
            "chat.postMessage",
            () => JsonContent.Create(body, SlackJsonContext.Default.SlackPostMessageRequest, new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" }),
            SlackJsonContext.Default.SlackPostMessageResponse,
            cancellationToken);
        return response.Ts ?? throw new SlackApiException("chat.postMessage", "no_ts_in_answer", 200);
    }

    public async Task<SlackAuthInfo> AuthTestAsync(CancellationToken cancellationToken)
    {
        var response = await CallAsync("auth.test", () => null, SlackJsonContext.Default.SlackAuthTestResponse, cancellationToken);
        return response is { UserId.Length: > 0, TeamId.Length: > 0 }
            ? new SlackAuthInfo(response.UserId, response.TeamId, response.BotId)
            : throw new SlackApiException("auth.test", "no_user_id_in_answer", 200);
    }

    // Posts a message to a slash command's response_url (no token: the URL is the credential). A URL off
    // SlackResponseUrlPolicy is refused unsent (a job may arrive by another way than the ingress).
    public async Task PostToResponseUrlAsync(Uri responseUrl, string text, CancellationToken cancellationToken)
    {
        using var response = await SendToResponseUrlAsync(responseUrl, new SlackCommandMessage("in_channel", text), cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var error = await ReadAsync(response, SlackJsonContext.Default.SlackPostMessageResponse, cancellationToken);
            throw new SlackApiException("response_url", error?.Error ?? $"http_{(int)response.StatusCode}", (int)response.StatusCode);
        }
    }

    // No token: the URL is the credential. A URL off SlackResponseUrlPolicy is refused unsent.
    private async Task<HttpResponseMessage> SendToResponseUrlAsync(Uri responseUrl, SlackCommandMessage message, CancellationToken cancellationToken)
    {
        if (!responseUrls.Allows(responseUrl.OriginalString))
        {
            throw new SlackApiException("response_url", "response_url_not_allowed", 400);
        }
        return await SendAsync(
            "response_url",
            () => new HttpRequestMessage(HttpMethod.Post, responseUrl)
            {
                Content = JsonContent.Create(message, SlackJsonContext.Default.SlackCommandMessage, new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" }),
            },
            cancellationToken);
    }

    // A refused token is retried once when a re-read of the platform secret changed it: Slack posted nothing then.
    private async Task<T> CallAsync<T>(string method, Func<HttpContent?> content, JsonTypeInfo<T> type, CancellationToken cancellationToken)
        where T : SlackApiResponse
    {
        try
        {
            return await CallOnceAsync(method, content, type, cancellationToken);
        }
        catch (SlackApiException ex) when (ex.IsAuthFailure && secrets is { IsEnabled: true })
        {
            if (await secrets.TryRefreshAsync($"Slack {method} answered {ex.Error}", SecretRefresher.WorkerWait, cancellationToken))
            {
                return await CallOnceAsync(method, content, type, cancellationToken);
            }
            throw;
        }
    }

    private async Task<T> CallOnceAsync<T>(string method, Func<HttpContent?> content, JsonTypeInfo<T> type, CancellationToken cancellationToken)
        where T : SlackApiResponse
    {
        using var response = await SendAsync(
            method,
            () => new HttpRequestMessage(HttpMethod.Post, method)
            {
                Content = content(),
                Headers = { Authorization = new AuthenticationHeaderValue("Bearer", options.CurrentValue.BotToken) },
            },
            cancellationToken);
        var parsed = await ReadAsync(response, type, cancellationToken);
        if (parsed is { Ok: true } && response.IsSuccessStatusCode)
        {
            return parsed;
        }
        throw new SlackApiException(method, parsed?.Error ?? $"http_{(int)response.StatusCode}", (int)response.StatusCode);
    }

    private async Task<HttpResponseMessage> SendAsync(string method, Func<HttpRequestMessage> build, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            using var request = build();
            var response = await http.SendAsync(request, cancellationToken);
            if (response.StatusCode != HttpStatusCode.TooManyRequests)
            {
                return response;
            }
            var wait = RetryAfter(response);
            response.Dispose();
            if (attempt >= MaxRateLimitRetries || wait > MaxRetryAfter)
            {
                throw new SlackApiException(method, "ratelimited", 429);
            }
            Log.RateLimited(logger, method, wait.TotalSeconds, attempt + 1);
            await Task.Delay(wait, time, cancellationToken);
        }
    }

    // Slack sends Retry-After in seconds; without it, wait a second (its per-channel pace).
    private static TimeSpan RetryAfter(HttpResponseMessage response) =>
        response.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta < TimeSpan.Zero ? TimeSpan.Zero : delta,
            _ => TimeSpan.FromSeconds(1),
        };

    private static async Task<T?> ReadAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync(type, cancellationToken);
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or InvalidOperationException)
        {
            return default;
        }
    }
}
