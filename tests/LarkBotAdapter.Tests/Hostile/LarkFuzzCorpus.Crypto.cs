using System.Security.Cryptography;
using ChatOps.LarkBotAdapter.Channels.Lark.Api;
using ChatOps.LarkBotAdapter.Tests.AppHost;
using ChatOps.TestKit.Lark;
using static ChatOps.LarkBotAdapter.Tests.Hostile.HostileRequests;

namespace ChatOps.LarkBotAdapter.Tests.Hostile;

public static partial class LarkFuzzCorpus
{
    private static void AddCrypto(CorpusBuilder c)
    {
        c.Add("encrypt is not base64", Expect.Refused, () => LarkEnvelope("!!!not*base64!!!"), 400);
        c.Add("encrypt is not base64, unsigned", Expect.Refused, () => Raw(LarkRequest.Path, Utf8("{\"encrypt\":\"%%%\"}"), Json), 401);
        c.Add("encrypt is a number", Expect.Refused, () => LarkSigned("{\"encrypt\":12345}"));
        c.Add("encrypt is null", Expect.Refused, () => LarkSigned("{\"encrypt\":null}"));
        c.Add("encrypt is an array", Expect.Refused, () => LarkSigned("{\"encrypt\":[\"AAAA\"]}"));
        c.Add("ciphertext of 33 bytes", Expect.Refused, () => LarkEnvelope(Convert.ToBase64String(new byte[33])), 400);
        c.Add("ciphertext of one block (IV only)", Expect.Refused, () => LarkEnvelope(Convert.ToBase64String(new byte[16])), 400);
        c.Add("PKCS7 padding byte 0", Expect.Refused, () => LarkEnvelope(Cipher(Padded(0x00), PaddingMode.None)), 400);
        c.Add("PKCS7 padding byte 17", Expect.Refused, () => LarkEnvelope(Cipher(Padded(0x11), PaddingMode.None)), 400);
        c.Add("PKCS7 padding bytes disagree", Expect.Refused, () => LarkEnvelope(Cipher([.. new byte[28], 1, 2, 3, 4], PaddingMode.None)), 400);
        c.Add("plaintext is not UTF-8", Expect.Refused, () => LarkEnvelope(Cipher([0xFF, 0xFE, 0xC0, 0x80, 0xED, 0xA0, 0x80], PaddingMode.PKCS7)), 400);
        c.Add("plaintext is not JSON", Expect.Refused, () => LarkEncrypted("hello, I am not JSON"), 400);
        c.Add("plaintext is another encrypt envelope", Expect.Refused, () => LarkEncrypted(LarkTestCrypto.EncryptedBody(ChatOpsApp.EncryptKey, Valid().Build())), 400);
        c.Add("encrypted with another key, signed with ours", Expect.Refused, () => LarkSigned(LarkTestCrypto.EncryptedBody("test-unknown-key", Valid().Build())), 400);
        c.Add("this app's event, encrypted and signed with the other app's key", Expect.Refused, () => LarkEncrypted(Valid().Build(), HostileApp.OtherEncryptKey), 401);
        c.Add("other app's event with this app's token", Expect.Refused, () => LarkEncrypted(Valid().ForApp(HostileApp.OtherAppId, LarkEvent.DefaultToken).Build(), HostileApp.OtherEncryptKey), 401);
        c.Add("plain event for an app with an encrypt key, unsigned", Expect.Refused, () => LarkRequest.Plain(Valid().Build()), 401);
        c.Add("encrypted event, unsigned", Expect.Refused, () => LarkRequest.EncryptedUnsigned(Valid().Build(), ChatOpsApp.EncryptKey), 401);
    }

    private static void AddSignatures(CorpusBuilder c)
    {
        c.Add("signed with a wrong key", Expect.Refused, () => LarkRequest.EncryptedWithBadSignature(Valid().Build(), ChatOpsApp.EncryptKey, DateTimeOffset.UtcNow), 401);
        c.Add("ciphertext changed after signing", Expect.Refused, () => LarkRequest.EncryptedWithTamperedBody(Valid().Build(), ChatOpsApp.EncryptKey, DateTimeOffset.UtcNow), 401);
        c.Add("valid signature replayed with another body", Expect.Refused, () => Replayed(), 401);
        c.Add("timestamp two hours old", Expect.Refused, () => WithTimestamp(DateTimeOffset.UtcNow.AddHours(-2)), 401);
        c.Add("timestamp two hours ahead", Expect.Refused, () => WithTimestamp(DateTimeOffset.UtcNow.AddHours(2)), 401);
        foreach (var timestamp in new[] { "", "abc", "-1", "1e9", "99999999999999999999999" })
        {
            c.Add($"timestamp \"{timestamp}\", correctly signed", Expect.Refused, () => Encrypted(h => h.Timestamp = timestamp), 401);
        }
        c.Add("signature header missing", Expect.Refused, () => Encrypted(h => h.SignatureName = null), 401);
        c.Add("signature header empty", Expect.Refused, () => Encrypted(h => h.Signature = ""), 401);
        c.Add("nonce header missing", Expect.Refused, () => Encrypted(h => h.NonceName = null), 401);
        c.Add("timestamp header missing", Expect.Refused, () => Encrypted(h => h.TimestampName = null), 401);
        c.Add("signature of 64 non-hex characters", Expect.Refused, () => Encrypted(h => h.Signature = new string('z', 64)), 401);
        c.Add("signature of 1,000 characters", Expect.Refused, () => Encrypted(h => h.Signature = new string('a', 1000)), 401);
        c.Add("right signature, lower-case header names", Expect.Answered, () => Encrypted(h => h.Lower()));
        c.Add("right signature, upper-case header names", Expect.Answered, () => Encrypted(h => h.Upper()));
        c.Add("wrong signature, lower-case header names", Expect.Refused, () => Encrypted(h => { h.Lower(); h.Signature = h.Wrong; }), 401);
        c.Add("wrong signature, upper-case header names", Expect.Refused, () => Encrypted(h => { h.Upper(); h.Signature = h.Wrong; }), 401);
        c.Add("signature header twice (same right value)", Expect.Refused, () => Encrypted(h => h.RepeatSignature = h.Right), 401);
        c.Add("signature header twice (wrong, then right)", Expect.Refused, () => Encrypted(h => (h.RepeatSignature, h.Signature) = (h.Right, h.Wrong)), 401);
        c.Add("timestamp header twice", Expect.Refused, () => Encrypted(h => h.RepeatTimestamp = h.Timestamp), 401);
    }

    private static HttpRequestMessage Replayed()
    {
        var signed = Utf8(LarkTestCrypto.EncryptedBody(ChatOpsApp.EncryptKey, Valid().Build()));
        var other = Utf8(LarkTestCrypto.EncryptedBody(ChatOpsApp.EncryptKey, Valid("a different question").Build()));
        return Raw(LarkRequest.Path, other, Json, LarkHeaders(signed));
    }

    private static HttpRequestMessage WithTimestamp(DateTimeOffset at)
    {
        var body = Utf8(LarkTestCrypto.EncryptedBody(ChatOpsApp.EncryptKey, Valid().Build()));
        return Raw(LarkRequest.Path, body, Json, LarkHeaders(body, timestamp: LarkRequest.UnixSeconds(at)));
    }

    private static HttpRequestMessage Encrypted(Action<LarkHeaderSet> change)
    {
        var body = Utf8(LarkTestCrypto.EncryptedBody(ChatOpsApp.EncryptKey, Valid().Build()));
        var headers = new LarkHeaderSet(body);
        change(headers);
        return Raw(LarkRequest.Path, body, Json, headers.ToArray());
    }

    // The IV is fixed so the corpus is the same on every run.
    private static string Cipher(byte[] plaintext, PaddingMode padding)
    {
        using var aes = Aes.Create();
        aes.Key = SHA256.HashData(Utf8(ChatOpsApp.EncryptKey));
        byte[] iv = [.. Enumerable.Range(1, 16).Select(i => (byte)i)];
        return Convert.ToBase64String([.. iv, .. aes.EncryptCbc(plaintext, iv, padding)]);
    }

    private static byte[] Padded(byte last) => [.. Utf8("{\"schema\":\"2.0\",\"header\":{}} "), 0, 0, last];
}
