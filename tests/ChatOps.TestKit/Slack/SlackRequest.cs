using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;

namespace ChatOps.TestKit.Slack;

/// <summary>Requests for <c>/slack/events</c> and <c>/slack/commands</c>, signed as Slack signs them:
/// <c>X-Slack-Signature: v0=</c> hex HMAC-SHA256(secret, <c>v0:{timestamp}:{body}</c>).</summary>
public static class SlackRequest
{
    public const string EventsPath = "/slack/events";
    public const string CommandsPath = "/slack/commands";
    public const string InteractionsPath = "/slack/interactions";
    public const string DefaultSigningSecret = "test-signing-secret";

    /// <summary>An Events API (JSON) body, signed; <paramref name="retryNum"/> adds Slack's redelivery headers.</summary>
    public static HttpRequestMessage Signed(string json, DateTimeOffset timestamp, string secret = DefaultSigningSecret, int? retryNum = null)
    {
        var request = Raw(EventsPath, json, "application/json", UnixSeconds(timestamp), Sign(secret, UnixSeconds(timestamp), json));
        if (retryNum is { } n)
        {
            request.Headers.Add("X-Slack-Retry-Num", n.ToString(CultureInfo.InvariantCulture));
            request.Headers.Add("X-Slack-Retry-Reason", "http_timeout");
        }
        return request;
    }

    /// <summary>A slash command (form) body, signed.</summary>
    public static HttpRequestMessage SignedCommand(string form, DateTimeOffset timestamp, string secret = DefaultSigningSecret) =>
        Raw(CommandsPath, form, "application/x-www-form-urlencoded", UnixSeconds(timestamp), Sign(secret, UnixSeconds(timestamp), form));

    /// <summary>An interaction (a form with one <c>payload</c> field holding the JSON), signed.</summary>
    public static HttpRequestMessage SignedInteraction(string payloadJson, DateTimeOffset timestamp, string secret = DefaultSigningSecret)
    {
        var form = "payload=" + Uri.EscapeDataString(payloadJson);
        return Raw(InteractionsPath, form, "application/x-www-form-urlencoded", UnixSeconds(timestamp), Sign(secret, UnixSeconds(timestamp), form));
    }

    /// <summary>Full control: path, exact body and each header (null leaves it out).</summary>
    public static HttpRequestMessage Raw(string path, string body, string mediaType, string? timestamp, string? signature)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        if (timestamp is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Slack-Request-Timestamp", timestamp);
        }
        if (signature is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Slack-Signature", signature);
        }
        return request;
    }

    public static string Sign(string secret, string timestamp, string body) =>
        "v0=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"v0:{timestamp}:{body}")));

    public static string UnixSeconds(DateTimeOffset timestamp) => timestamp.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
}
