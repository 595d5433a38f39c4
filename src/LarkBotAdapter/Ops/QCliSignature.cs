using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ChatOps.LarkBotAdapter.Ops;

/// <summary>Request signing of the proxy protocol: <c>v1=</c> + lowercase hex HMAC-SHA256(secret, timestamp + "." + body).</summary>
public static class QCliSignature
{
    public const string TimestampHeader = "X-ChatOps-Timestamp";
    public const string SignatureHeader = "X-ChatOps-Signature";

    /// <summary>The signature header value for <paramref name="body"/> sent at <paramref name="unixSeconds"/>.</summary>
    public static string Sign(string secret, long unixSeconds, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.ASCII.GetBytes(unixSeconds.ToString(CultureInfo.InvariantCulture) + ".");
        var message = new byte[prefix.Length + body.Length];
        prefix.CopyTo(message, 0);
        body.CopyTo(message.AsSpan(prefix.Length));
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), message);
        return "v1=" + Convert.ToHexStringLower(mac);
    }
}
