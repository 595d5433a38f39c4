using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ChatOps.TestKit.QCli;

/// <summary>
/// Test-side signing of Q CLI proxy requests, written from DESIGN 4.6 independently of the proxy's own code:
/// <c>X-ChatOps-Signature: v2=lowercase hex HMAC-SHA256(secret, METHOD "\n" PATH "\n" timestamp "\n" raw body)</c>;
/// <see cref="SignatureV1"/> is the older <c>v1=</c> form (timestamp "." body) for rolling-upgrade tests.
/// </summary>
public static class QCliProxySigner
{
    public const string TimestampHeader = "X-ChatOps-Timestamp";
    public const string SignatureHeader = "X-ChatOps-Signature";
    public const string ChatPath = "/v1/chat";

    public static string Signature(string secret, string method, string path, string timestamp, byte[] body) =>
        "v2=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Join(method + "\n" + path + "\n" + timestamp + "\n", body)));

    public static string SignatureV1(string secret, string timestamp, byte[] body) =>
        "v1=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Join(timestamp + ".", body)));

    /// <summary>A v2-signed <c>POST /v1/chat</c> carrying exactly <paramref name="json"/>, as the client sends it.</summary>
    public static HttpRequestMessage ChatRequest(string secret, string json, DateTimeOffset signedAt) =>
        SignedPost(ChatPath, json, signedAt, (timestamp, body) => Signature(secret, "POST", ChatPath, timestamp, body));

    /// <summary>A <c>POST</c> to <paramref name="path"/> carrying <paramref name="json"/>, with the signature
    /// <paramref name="sign"/> makes from the timestamp text and the body.</summary>
    public static HttpRequestMessage SignedPost(string path, string json, DateTimeOffset signedAt, Func<string, byte[], string> sign)
    {
        var body = Encoding.UTF8.GetBytes(json);
        var timestamp = signedAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.Add(TimestampHeader, timestamp);
        request.Headers.Add(SignatureHeader, sign(timestamp, body));
        return request;
    }

    private static byte[] Join(string prefix, byte[] body)
    {
        var head = Encoding.UTF8.GetBytes(prefix);
        var message = new byte[head.Length + body.Length];
        head.CopyTo(message, 0);
        body.CopyTo(message, head.Length);
        return message;
    }
}
