using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ChatOps.Contracts;

/// <summary>DESIGN 4.3: <c>X-ChatOps-Signature: v1=hex(HMAC-SHA256(secret, timestamp + "." + raw body))</c>, timestamp in
/// unix seconds within <see cref="QCliProtocol.SignatureWindow"/> of the proxy's clock.</summary>
internal static class QCliRequestSignature
{
    private const string Prefix = "v1=";
    private const int HashBytes = 32;

    /// <summary>The header value for a body sent at <paramref name="unixSeconds"/>.</summary>
    public static string Sign(string secret, long unixSeconds, ReadOnlySpan<byte> body) =>
        Sign(secret, unixSeconds.ToString(CultureInfo.InvariantCulture), body);

    /// <summary>The header value for a body: <c>v1=</c> and lowercase hex.</summary>
    public static string Sign(string secret, string timestamp, ReadOnlySpan<byte> body) =>
        Prefix + Convert.ToHexStringLower(Compute(secret, timestamp, body));

    public static QCliSignatureCheck Verify(string secret, string? timestamp, string? signature, ReadOnlySpan<byte> body, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(signature))
        {
            return QCliSignatureCheck.Missing;
        }

        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || !signature.StartsWith(Prefix, StringComparison.Ordinal)
            || signature.Length != Prefix.Length + (HashBytes * 2))
        {
            return QCliSignatureCheck.Malformed;
        }

        Span<byte> given = stackalloc byte[HashBytes];
        if (Convert.FromHexString(signature.AsSpan(Prefix.Length), given, out _, out var written) != System.Buffers.OperationStatus.Done
            || written != HashBytes)
        {
            return QCliSignatureCheck.Malformed;
        }

        // The comparison runs before the clock check so timing never tells a forger which part was wrong.
        var matches = CryptographicOperations.FixedTimeEquals(Compute(secret, timestamp, body), given);
        var offset = Math.Abs(now.ToUnixTimeSeconds() - (double)seconds);
        if (!matches)
        {
            return QCliSignatureCheck.Mismatch;
        }

        return offset > QCliProtocol.SignatureWindow.TotalSeconds ? QCliSignatureCheck.Stale : QCliSignatureCheck.Valid;
    }

    private static byte[] Compute(string secret, string timestamp, ReadOnlySpan<byte> body)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(secret));
        hmac.AppendData(Encoding.UTF8.GetBytes(timestamp + "."));
        hmac.AppendData(body);
        return hmac.GetHashAndReset();
    }
}
