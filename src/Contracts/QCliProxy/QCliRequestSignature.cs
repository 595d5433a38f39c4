using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ChatOps.Contracts;

/// <summary>docs/CONTRACTS.md §3.2: <c>X-ChatOps-Signature: v2=hex(HMAC-SHA256(secret, METHOD "\n" PATH "\n" TIMESTAMP "\n" raw body))</c>,
/// PATH the protocol path without query (<c>/v1/chat</c>, <c>/v1/proposals/{id}/execute</c>), timestamp in unix seconds
/// within <see cref="QCliProtocol.SignatureWindow"/> of the proxy's clock. The older <c>v1=hex(HMAC(timestamp "." body))</c>
/// binds neither method nor path; the proxy accepts it only while a rolling upgrade asks for it.</summary>
internal static class QCliRequestSignature
{
    public const string V2Prefix = "v2=";
    public const string V1Prefix = "v1=";
    private const int HashBytes = 32;

    /// <summary>The v2 header value: <c>v2=</c> and lowercase hex.</summary>
    public static string Sign(string secret, string method, string path, long unixSeconds, ReadOnlySpan<byte> body) =>
        V2Prefix + Convert.ToHexStringLower(ComputeV2(secret, method, path, unixSeconds.ToString(CultureInfo.InvariantCulture), body));

    /// <summary>The v1 header value (rolling upgrades and tests only; the bot signs v2).</summary>
    public static string SignV1(string secret, string timestamp, ReadOnlySpan<byte> body) =>
        V1Prefix + Convert.ToHexStringLower(ComputeV1(secret, timestamp, body));

    /// <summary>Checks one header value against the request it came with; the request's path is the protocol path it was
    /// routed to. <c>v1=</c> is <see cref="QCliSignatureCheck.VersionRefused"/> unless <paramref name="acceptV1"/>.</summary>
    public static QCliSignatureCheck Verify(string secret, QCliSignedRequest request, ReadOnlySpan<byte> body, DateTimeOffset now, bool acceptV1)
    {
        var (method, path, timestamp, signature) = request;
        if (string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(signature))
        {
            return QCliSignatureCheck.Missing;
        }

        var v1 = signature.StartsWith(V1Prefix, StringComparison.Ordinal);
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || !(v1 || signature.StartsWith(V2Prefix, StringComparison.Ordinal))
            || signature.Length != V2Prefix.Length + (HashBytes * 2))
        {
            return QCliSignatureCheck.Malformed;
        }

        Span<byte> given = stackalloc byte[HashBytes];
        if (Convert.FromHexString(signature.AsSpan(V2Prefix.Length), given, out _, out var written) != System.Buffers.OperationStatus.Done
            || written != HashBytes)
        {
            return QCliSignatureCheck.Malformed;
        }

        if (v1 && !acceptV1)
        {
            return QCliSignatureCheck.VersionRefused;
        }

        // The comparison runs before the clock check so timing never tells a forger which part was wrong.
        var expected = v1 ? ComputeV1(secret, timestamp, body) : ComputeV2(secret, method, path, timestamp, body);
        var matches = CryptographicOperations.FixedTimeEquals(expected, given);
        var offset = Math.Abs(now.ToUnixTimeSeconds() - (double)seconds);
        if (!matches)
        {
            return QCliSignatureCheck.Mismatch;
        }

        return offset > QCliProtocol.SignatureWindow.TotalSeconds ? QCliSignatureCheck.Stale : QCliSignatureCheck.Valid;
    }

    private static byte[] ComputeV2(string secret, string method, string path, string timestamp, ReadOnlySpan<byte> body)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(secret));
        hmac.AppendData(Encoding.UTF8.GetBytes(method + "\n" + path + "\n" + timestamp + "\n"));
        hmac.AppendData(body);
        return hmac.GetHashAndReset();
    }

    private static byte[] ComputeV1(string secret, string timestamp, ReadOnlySpan<byte> body)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(secret));
        hmac.AppendData(Encoding.UTF8.GetBytes(timestamp + "."));
        hmac.AppendData(body);
        return hmac.GetHashAndReset();
    }
}
