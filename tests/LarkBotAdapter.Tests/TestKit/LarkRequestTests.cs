using ChatOps.LarkBotAdapter.Channels.Lark;
using ChatOps.LarkBotAdapter.Channels.Lark.Inbound;
using ChatOps.TestKit.Lark;

namespace ChatOps.LarkBotAdapter.Tests.TestKit;

public sealed class LarkRequestTests
{
    private const string Key = "test-encrypt-key";
    private static readonly DateTimeOffset Now = new(2024, 5, 6, 7, 8, 9, TimeSpan.Zero);

    [Fact]
    public async Task EncryptedRequestIsSignedAndDecryptable()
    {
        var json = LarkEvent.Challenge("c-1");
        using var request = LarkRequest.Encrypted(json, Key, Now, nonce: "n-1");

        var (body, timestamp, nonce, signature) = await Read(request);

        Assert.Equal((HttpMethod.Post, "/lark/events"), (request.Method, request.RequestUri!.OriginalString));
        Assert.Equal("application/json", request.Content!.Headers.ContentType!.MediaType);
        Assert.Equal((Now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), "n-1"), (timestamp, nonce));
        Assert.True(LarkCrypto.VerifySignature(timestamp, nonce, Key, body, signature));
        Assert.True(LarkEventParser.TryGetEncrypt(body, out var encrypt));
        Assert.True(LarkCrypto.TryDecrypt(Key, encrypt, out var plaintext));
        Assert.Equal(json, plaintext);
    }

    [Fact]
    public async Task BadSignatureVariantFailsVerification()
    {
        using var request = LarkRequest.EncryptedWithBadSignature("{}", Key, Now);

        var (body, timestamp, nonce, signature) = await Read(request);

        Assert.NotNull(signature);
        Assert.False(LarkCrypto.VerifySignature(timestamp, nonce, Key, body, signature));
    }

    [Fact]
    public async Task TamperedBodyFailsVerification()
    {
        using var request = LarkRequest.EncryptedWithTamperedBody("{}", Key, Now);

        var (body, timestamp, nonce, signature) = await Read(request);

        Assert.False(LarkCrypto.VerifySignature(timestamp, nonce, Key, body, signature));
    }

    [Fact]
    public async Task SignedPlainBodyVerifies()
    {
        using var request = LarkRequest.Signed("{\"a\":\"中\"}", Key, Now);

        var (body, timestamp, nonce, signature) = await Read(request);

        Assert.Equal("{\"a\":\"中\"}"u8.ToArray(), body);
        Assert.True(LarkCrypto.VerifySignature(timestamp, nonce, Key, body, signature));
    }

    [Fact]
    public async Task PlainAndUnsignedRequestsCarryNoSignatureHeaders()
    {
        using var plain = LarkRequest.Plain("{}");
        using var unsigned = LarkRequest.EncryptedUnsigned("{}", Key);

        Assert.Null((await Read(plain)).Signature);
        Assert.Null((await Read(unsigned)).Timestamp);
        Assert.True(LarkEventParser.TryGetEncrypt((await Read(unsigned)).Body, out _));
    }

    private static async Task<(byte[] Body, string? Timestamp, string? Nonce, string? Signature)> Read(HttpRequestMessage request)
    {
        static string? Header(HttpRequestMessage r, string name) => r.Headers.TryGetValues(name, out var v) ? v.Single() : null;
        var body = await request.Content!.ReadAsByteArrayAsync();
        return (body, Header(request, LarkRequest.TimestampHeader), Header(request, LarkRequest.NonceHeader), Header(request, LarkRequest.SignatureHeader));
    }
}
