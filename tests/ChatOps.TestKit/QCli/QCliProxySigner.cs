using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ChatOps.TestKit.QCli;

/// <summary>
/// Test-side signing of Q CLI proxy requests, written from DESIGN 4.3 independently of the proxy's own code:
/// <c>X-ChatOps-Signature: v1=lowercase hex HMAC-SHA256(secret, timestamp + "." + raw body)</c>.
/// </summary>
public static class QCliProxySigner
{
    public const string TimestampHeader = "X-ChatOps-Timestamp";
    public const string SignatureHeader = "X-ChatOps-Signature";

    public static string Signature(string secret, string timestamp, byte[] body)
    {
        var prefix = Encoding.UTF8.GetBytes(timestamp + ".");
        var message = new byte[prefix.Length + body.Length];
        prefix.CopyTo(message, 0);
        body.CopyTo(message, prefix.Length);
        return "v1=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), message));
    }

    /// <summary>A signed <c>POST /v1/chat</c> carrying exactly <paramref name="json"/>, as the client sends it.</summary>
    public static HttpRequestMessage ChatRequest(string secret, string json, DateTimeOffset signedAt)
    {
        var body = Encoding.UTF8.GetBytes(json);
        var timestamp = signedAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var request = new HttpRequestMessage(HttpMethod.Post, "/v1/chat") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.Add(TimestampHeader, timestamp);
        request.Headers.Add(SignatureHeader, Signature(secret, timestamp, body));
        return request;
    }
}
