using System.Globalization;
using System.Net.Http.Headers;
using System.Text;

namespace ChatOps.TestKit.Lark;

/// <summary>Requests for <c>POST /lark/events</c> as the Lark platform sends them.</summary>
public static class LarkRequest
{
    public const string Path = "/lark/events";
    public const string CardsPath = "/lark/cards";
    public const string TimestampHeader = "X-Lark-Request-Timestamp";
    public const string NonceHeader = "X-Lark-Request-Nonce";
    public const string SignatureHeader = "X-Lark-Signature";
    public const string DefaultNonce = "test-nonce";

    /// <summary>A plain JSON body without signature headers (an app with no encrypt key).</summary>
    public static HttpRequestMessage Plain(string json) => Raw(json, timestamp: null, nonce: null, signature: null);

    /// <summary>A plain JSON body, signed with the encrypt key.</summary>
    public static HttpRequestMessage Signed(string json, string encryptKey, DateTimeOffset timestamp, string nonce = DefaultNonce) =>
        SignedBody(json, encryptKey, timestamp, nonce, signingKey: encryptKey);

    /// <summary>An encrypted, correctly signed body: what Lark sends once an encrypt key is configured.</summary>
    public static HttpRequestMessage Encrypted(string json, string encryptKey, DateTimeOffset timestamp, string nonce = DefaultNonce) =>
        SignedBody(LarkTestCrypto.EncryptedBody(encryptKey, json), encryptKey, timestamp, nonce, signingKey: encryptKey);

    /// <summary>Encrypted correctly, but signed with another key.</summary>
    public static HttpRequestMessage EncryptedWithBadSignature(string json, string encryptKey, DateTimeOffset timestamp) =>
        SignedBody(LarkTestCrypto.EncryptedBody(encryptKey, json), encryptKey, timestamp, DefaultNonce, signingKey: "wrong-" + encryptKey);

    /// <summary>Encrypted and signed, then the body is changed after signing (one character of the ciphertext).</summary>
    public static HttpRequestMessage EncryptedWithTamperedBody(string json, string encryptKey, DateTimeOffset timestamp)
    {
        var body = LarkTestCrypto.EncryptedBody(encryptKey, json);
        var timestampText = UnixSeconds(timestamp);
        var signature = LarkTestCrypto.Sign(timestampText, DefaultNonce, encryptKey, Encoding.UTF8.GetBytes(body));
        var tampered = body.Replace("\"encrypt\":\"", "\"encrypt\":\"A", StringComparison.Ordinal);
        return Raw(tampered, timestampText, DefaultNonce, signature);
    }

    /// <summary>Encrypted without any signature headers.</summary>
    public static HttpRequestMessage EncryptedUnsigned(string json, string encryptKey) =>
        Raw(LarkTestCrypto.EncryptedBody(encryptKey, json), timestamp: null, nonce: null, signature: null);

    /// <summary>The same request sent to the card callback URL instead of the events URL.</summary>
    public static HttpRequestMessage ToCards(HttpRequestMessage request)
    {
        request.RequestUri = new Uri(CardsPath, UriKind.Relative);
        return request;
    }

    /// <summary>Full control: the exact body bytes (UTF-8) and each header (null leaves it out).</summary>
    public static HttpRequestMessage Raw(string body, string? timestamp, string? nonce, string? signature)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Path)
        {
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        AddIfPresent(request, TimestampHeader, timestamp);
        AddIfPresent(request, NonceHeader, nonce);
        AddIfPresent(request, SignatureHeader, signature);
        return request;
    }

    /// <summary>The timestamp header's text: Unix seconds.</summary>
    public static string UnixSeconds(DateTimeOffset timestamp) =>
        timestamp.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    private static HttpRequestMessage SignedBody(string body, string encryptKey, DateTimeOffset timestamp, string nonce, string signingKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(encryptKey);
        var timestampText = UnixSeconds(timestamp);
        var signature = LarkTestCrypto.Sign(timestampText, nonce, signingKey, Encoding.UTF8.GetBytes(body));
        return Raw(body, timestampText, nonce, signature);
    }

    private static void AddIfPresent(HttpRequestMessage request, string name, string? value)
    {
        if (value is not null)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
    }
}
