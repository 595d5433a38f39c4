using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using ChatOps.LarkBotAdapter.Channels.Lark.Api;
using ChatOps.LarkBotAdapter.Tests.AppHost;
using ChatOps.TestKit.Lark;
using ChatOps.TestKit.Slack;

namespace ChatOps.LarkBotAdapter.Tests.Hostile;

/// <summary>Requests with exact body bytes and exact headers (names, case, repeats), signed or not.</summary>
public static class HostileRequests
{
    public const string Json = "application/json";
    public const string Form = "application/x-www-form-urlencoded";

    public static string Now => LarkRequest.UnixSeconds(DateTimeOffset.UtcNow);

    /// <summary>The exact bytes, the content type (null: none) and headers in the order given (repeats allowed).</summary>
    public static HttpRequestMessage Raw(string path, byte[] body, string? contentType, params (string Name, string Value)[] headers)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
        if (contentType is not null)
        {
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
        return request;
    }

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>Lark's three signature headers for <paramref name="body"/>, signed with <paramref name="key"/>.</summary>
    public static (string, string)[] LarkHeaders(byte[] body, string key = ChatOpsApp.EncryptKey, string? timestamp = null, string nonce = LarkRequest.DefaultNonce)
    {
        var ts = timestamp ?? Now;
        return [(LarkRequest.TimestampHeader, ts), (LarkRequest.NonceHeader, nonce), (LarkRequest.SignatureHeader, LarkTestCrypto.Sign(ts, nonce, key, body))];
    }

    /// <summary>A Lark request whose body is exactly these bytes, correctly signed with the test app's key.</summary>
    public static HttpRequestMessage LarkSigned(byte[] body, string key = ChatOpsApp.EncryptKey, string contentType = Json) =>
        Raw(LarkRequest.Path, body, contentType, LarkHeaders(body, key));

    public static HttpRequestMessage LarkSigned(string body) => LarkSigned(Utf8(body));

    /// <summary>The plaintext encrypted (as Lark does) and the envelope signed.</summary>
    public static HttpRequestMessage LarkEncrypted(string plaintext, string key = ChatOpsApp.EncryptKey) =>
        LarkSigned(Utf8(LarkTestCrypto.EncryptedBody(key, plaintext)), key);

    /// <summary>An envelope with this exact <c>encrypt</c> value, signed with the test app's key.</summary>
    public static HttpRequestMessage LarkEnvelope(string encrypt) => LarkSigned(Utf8($$"""{"encrypt":"{{encrypt}}"}"""));

    /// <summary>Slack's two signature headers for <paramref name="body"/>.</summary>
    public static (string, string)[] SlackHeaders(byte[] body, string secret = SlackRequest.DefaultSigningSecret, string? timestamp = null)
    {
        var ts = timestamp ?? Now;
        return [("X-Slack-Request-Timestamp", ts), ("X-Slack-Signature", SlackSign(secret, ts, body))];
    }

    public static string SlackSign(string secret, string timestamp, byte[] body) =>
        "v0=" + Convert.ToHexStringLower(HMACSHA256.HashData(Utf8(secret), (byte[])[.. Utf8($"v0:{timestamp}:"), .. body]));

    public static HttpRequestMessage SlackEventSigned(byte[] body, string contentType = Json) =>
        Raw(SlackRequest.EventsPath, body, contentType, SlackHeaders(body));

    public static HttpRequestMessage SlackEventSigned(string body) => SlackEventSigned(Utf8(body));

    public static HttpRequestMessage SlackCommandSigned(byte[] body, string contentType = Form) =>
        Raw(SlackRequest.CommandsPath, body, contentType, SlackHeaders(body));

    public static HttpRequestMessage SlackCommandSigned(string body) => SlackCommandSigned(Utf8(body));

    public static HttpRequestMessage Job(byte[] body, string? contentType = Json) => Raw("/events", body, contentType);

    public static HttpRequestMessage Job(string body) => Job(Utf8(body));

    /// <summary><paramref name="depth"/> nested arrays: <c>[[[…]]]</c>.</summary>
    public static string Nested(int depth) => new string('[', depth) + new string(']', depth);
}
