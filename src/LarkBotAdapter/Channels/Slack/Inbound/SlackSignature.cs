using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ChatOps.LarkBotAdapter.Channels.Slack.Inbound;

// Slack's request signature: X-Slack-Signature: v0= hex HMAC-SHA256(signing secret,
// v0:{X-Slack-Request-Timestamp}:{raw body}).
public static class SlackSignature
{
    public const string TimestampHeader = "X-Slack-Request-Timestamp";
    public const string SignatureHeader = "X-Slack-Signature";

    // The signature Slack sends for body at timestamp.
    public static string Compute(string signingSecret, string timestamp, ReadOnlySpan<byte> body)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(signingSecret));
        hmac.AppendData(Encoding.UTF8.GetBytes($"v0:{timestamp}:"));
        hmac.AppendData(body);
        return "v0=" + Convert.ToHexStringLower(hmac.GetHashAndReset());
    }

    // True when signature matches (constant time) and the timestamp is within
    // window of now, in the past or the future.
    public static bool Verify(
        string signingSecret, string? timestamp, ReadOnlySpan<byte> body, string? signature, DateTimeOffset now, TimeSpan window)
    {
        if (string.IsNullOrEmpty(signature) || string.IsNullOrEmpty(timestamp) || timestamp.Length > 12
            || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || Math.Abs(now.ToUnixTimeSeconds() - seconds) > (long)window.TotalSeconds)
        {
            return false;
        }
        var expected = Encoding.ASCII.GetBytes(Compute(signingSecret, timestamp, body));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.UTF8.GetBytes(signature));
    }
}
