using System.Text;
using ChatOps.LarkBotAdapter.Channels.Lark;
using ChatOps.LarkBotAdapter.Channels.Lark.Inbound;
using ChatOps.LarkBotAdapter.Tests.Channels.Lark;
using ChatOps.LarkBotAdapter.Tests.Channels.Lark.Inbound;
using ChatOps.TestKit.Lark;

namespace ChatOps.LarkBotAdapter.Tests.TestKit;

public sealed class LarkTestCryptoTests
{
    [Fact]
    public void ReproducesEverySdkVectorFromItsIv()
    {
        foreach (var vector in LarkVectors.Instance.Decrypt)
        {
            var iv = Convert.FromBase64String(vector.Encrypt)[..16];

            Assert.Equal(vector.Encrypt, LarkTestCrypto.Encrypt(vector.EncryptKey, vector.Plaintext!, iv));
        }
    }

    [Fact]
    public void SignsLikeTheSdkVectors()
    {
        foreach (var vector in LarkVectors.Instance.Signatures)
        {
            Assert.Equal(vector.Signature, LarkTestCrypto.Sign(vector.Timestamp, vector.Nonce, vector.EncryptKey, Encoding.UTF8.GetBytes(vector.Body)));
        }
    }

    [Fact]
    public void EncryptsWithAFreshIvEachTime()
    {
        var first = LarkTestCrypto.Encrypt("test-encrypt-key", "{}");
        var second = LarkTestCrypto.Encrypt("test-encrypt-key", "{}");

        Assert.NotEqual(first, second);
        Assert.True(LarkCrypto.TryDecrypt("test-encrypt-key", second, out var plaintext));
        Assert.Equal("{}", plaintext);
    }

    [Fact]
    public void EncryptedBodyIsDetectedAndDecrypted()
    {
        var body = LarkTestCrypto.EncryptedBody("test-encrypt-key", "{\"k\":\"値\"}");

        Assert.True(LarkEventParser.TryGetEncrypt(body, out var encrypt));
        Assert.True(LarkCrypto.TryDecrypt("test-encrypt-key", encrypt, out var plaintext));
        Assert.Equal("{\"k\":\"値\"}", plaintext);
    }
}
