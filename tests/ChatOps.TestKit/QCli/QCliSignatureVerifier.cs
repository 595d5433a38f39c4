using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ChatOps.TestKit.QCli;

/// <summary>The proxy side of request signing, written independently of the app's signer: checks
/// <c>X-ChatOps-Signature: v2=&lt;hex HMAC-SHA256(secret, METHOD "\n" PATH "\n" timestamp "\n" body)&gt;</c> and the
/// 300 s window, refusing <c>v1=</c> as the real proxy does by default.</summary>
public static class QCliSignatureVerifier
{
    /// <summary>How far a timestamp may be from the proxy's clock, either way.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(300);

    /// <summary>Null when the request is authentic; otherwise why not (for test messages, never sent to the client).</summary>
    public static string? Problem(string secret, string method, string path, string? timestamp, string? signature, byte[] body, DateTimeOffset now)
    {
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return "missing or malformed timestamp";
        }
        if (Math.Abs(now.ToUnixTimeSeconds() - seconds) > Window.TotalSeconds)
        {
            return "timestamp outside the 300 s window";
        }
        if (signature is not null && signature.StartsWith("v1=", StringComparison.Ordinal))
        {
            return "v1 signature refused: the proxy accepts v2 only";
        }
        if (signature is null || !signature.StartsWith("v2=", StringComparison.Ordinal))
        {
            return "missing or unversioned signature";
        }
        byte[] given;
        try
        {
            given = Convert.FromHexString(signature.AsSpan(3));
        }
        catch (FormatException)
        {
            return "signature is not hex";
        }
        return CryptographicOperations.FixedTimeEquals(given, Mac(secret, method, path, timestamp!, body)) ? null : "signature mismatch";
    }

    /// <summary>The header value a correct client sends.</summary>
    public static string Sign(string secret, string method, string path, string timestamp, byte[] body)
    {
        var hex = new StringBuilder("v2=");
        foreach (var b in Mac(secret, method, path, timestamp, body))
        {
            hex.Append(b.ToString("x2", CultureInfo.InvariantCulture));
        }
        return hex.ToString();
    }

    private static byte[] Mac(string secret, string method, string path, string timestamp, byte[] body)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(secret));
        foreach (var part in new[] { method, path, timestamp })
        {
            hmac.AppendData(Encoding.UTF8.GetBytes(part));
            hmac.AppendData("\n"u8);
        }
        hmac.AppendData(body);
        return hmac.GetHashAndReset();
    }
}
