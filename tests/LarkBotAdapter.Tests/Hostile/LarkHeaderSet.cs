using ChatOps.LarkBotAdapter.Tests.AppHost;
using ChatOps.TestKit.Lark;

namespace ChatOps.LarkBotAdapter.Tests.Hostile;

/// <summary>Lark's signature headers for one body: correct (for the timestamp and nonce set) until a case changes a
/// name or a value, or adds a repeat.</summary>
public sealed class LarkHeaderSet(byte[] body)
{
    public string? TimestampName { get; set; } = LarkRequest.TimestampHeader;
    public string? NonceName { get; set; } = LarkRequest.NonceHeader;
    public string? SignatureName { get; set; } = LarkRequest.SignatureHeader;
    public string Timestamp { get; set; } = HostileRequests.Now;
    public string Nonce { get; set; } = LarkRequest.DefaultNonce;

    /// <summary>The signature sent; null sends <see cref="Right"/>.</summary>
    public string? Signature { get; set; }

    public string? RepeatSignature { get; set; }
    public string? RepeatTimestamp { get; set; }

    /// <summary>The correct signature for the current timestamp and nonce.</summary>
    public string Right => LarkTestCrypto.Sign(Timestamp, Nonce, ChatOpsApp.EncryptKey, body);

    /// <summary>A well-formed signature made with another key.</summary>
    public string Wrong => LarkTestCrypto.Sign(Timestamp, Nonce, "test-wrong-key", body);

    public void Lower() => (TimestampName, NonceName, SignatureName) = (TimestampName?.ToLowerInvariant(), NonceName?.ToLowerInvariant(), SignatureName?.ToLowerInvariant());

    public void Upper() => (TimestampName, NonceName, SignatureName) = (TimestampName?.ToUpperInvariant(), NonceName?.ToUpperInvariant(), SignatureName?.ToUpperInvariant());

    public (string, string)[] ToArray()
    {
        var headers = new List<(string, string)>();
        Add(headers, TimestampName, Timestamp, RepeatTimestamp);
        Add(headers, NonceName, Nonce, null);
        Add(headers, SignatureName, Signature ?? Right, RepeatSignature);
        return [.. headers];
    }

    private static void Add(List<(string, string)> headers, string? name, string value, string? repeat)
    {
        if (name is null)
        {
            return;
        }
        headers.Add((name, value));
        if (repeat is not null)
        {
            headers.Add((name, repeat));
        }
    }
}
