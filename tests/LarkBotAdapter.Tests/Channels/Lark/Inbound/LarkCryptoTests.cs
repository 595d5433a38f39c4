using System.Text;
using ChatOps.LarkBotAdapter.Channels.Lark;
using ChatOps.LarkBotAdapter.Channels.Lark.Inbound;

namespace ChatOps.LarkBotAdapter.Tests.Channels.Lark.Inbound;

public sealed class LarkCryptoTests
{
    private const string Key = "test-encrypt-key";

    public static TheoryData<string> DecryptCases => LarkVectors.Names(v => v.Decrypt.Select(c => c.Name));
    public static TheoryData<string> DecryptNegativeCases => LarkVectors.Names(v => v.DecryptNegative.Select(c => c.Name));
    public static TheoryData<string> SignatureCases => LarkVectors.Names(v => v.Signatures.Select(c => c.Name));
    public static TheoryData<string> SignatureNegativeCases => LarkVectors.Names(v => v.SignatureNegative.Select(c => c.Name));

    [Fact]
    public void VectorsNameTheSdkThatMadeThem()
    {
        Assert.Equal("@larksuiteoapi/node-sdk", LarkVectors.Instance.Sdk.Package);
        Assert.Matches(@"^\d+\.\d+\.\d+", LarkVectors.Instance.Sdk.Version);
        Assert.True(LarkVectors.Instance.Decrypt.Count >= 5);
    }

    [Theory]
    [MemberData(nameof(DecryptCases))]
    public void DecryptsWhatTheSdkDecrypts(string name)
    {
        var vector = LarkVectors.Instance.Decrypt.Single(v => v.Name == name);

        Assert.True(LarkCrypto.TryDecrypt(vector.EncryptKey, vector.Encrypt, out var plaintext));
        Assert.Equal(vector.SdkDecrypted, plaintext);
    }

    [Theory]
    [MemberData(nameof(DecryptNegativeCases))]
    public void RejectsWhatCannotBeDecrypted(string name)
    {
        var vector = LarkVectors.Instance.DecryptNegative.Single(v => v.Name == name);

        Assert.False(LarkCrypto.TryDecrypt(vector.EncryptKey, vector.Encrypt, out var plaintext));
        Assert.Equal(string.Empty, plaintext);
    }

    [Theory]
    [MemberData(nameof(SignatureCases))]
    public void ComputesTheSignatureTheSdkAccepts(string name)
    {
        var vector = LarkVectors.Instance.Signatures.Single(v => v.Name == name);
        var body = Encoding.UTF8.GetBytes(vector.Body);

        Assert.True(vector.SdkAccepted);
        Assert.Equal(vector.Signature, LarkCrypto.ComputeSignature(vector.Timestamp, vector.Nonce, vector.EncryptKey, body));
        Assert.True(LarkCrypto.VerifySignature(vector.Timestamp, vector.Nonce, vector.EncryptKey, body, vector.Signature));
    }

    [Theory]
    [MemberData(nameof(SignatureNegativeCases))]
    public void RejectsSignaturesTheSdkRejects(string name)
    {
        var vector = LarkVectors.Instance.SignatureNegative.Single(v => v.Name == name);

        Assert.False(vector.SdkAccepted);
        Assert.False(LarkCrypto.VerifySignature(
            vector.Timestamp, vector.Nonce, vector.EncryptKey, Encoding.UTF8.GetBytes(vector.Body), vector.Signature));
    }

    [Fact]
    public void AcceptsAnUpperCaseHexSignature()
    {
        var body = "{}"u8.ToArray();
        var signature = LarkCrypto.ComputeSignature("1700000000", "n", Key, body).ToUpperInvariant();

        Assert.True(LarkCrypto.VerifySignature("1700000000", "n", Key, body, signature));
    }

    [Theory]
    [InlineData(null, "n", "sig")]
    [InlineData("1700000000", null, "sig")]
    [InlineData("1700000000", "n", null)]
    [InlineData("1700000000", "n", "")]
    [InlineData("1700000000", "n", "zz")]
    public void MissingOrUnreadableSignatureHeadersAreRejected(string? timestamp, string? nonce, string? signature)
    {
        var body = "{}"u8.ToArray();
        var valid = LarkCrypto.ComputeSignature("1700000000", "n", Key, body);

        Assert.False(LarkCrypto.VerifySignature(timestamp, nonce, Key, body, signature == "sig" ? valid : signature));
    }

    [Fact]
    public void AnEmptyEncryptKeyNeverVerifies()
    {
        var body = "{}"u8.ToArray();
        var signature = LarkCrypto.ComputeSignature("1700000000", "n", string.Empty, body);

        Assert.False(LarkCrypto.VerifySignature("1700000000", "n", string.Empty, body, signature));
    }

    [Fact]
    public void AnEmptyEncryptKeyNeverDecrypts()
    {
        var vector = LarkVectors.Instance.Decrypt[0];

        Assert.False(LarkCrypto.TryDecrypt(string.Empty, vector.Encrypt, out _));
    }

    [Theory]
    [InlineData("test-verification-token", "test-verification-token", true)]
    [InlineData("test-verification-token", "test-verification-tokem", false)]
    [InlineData("test-verification-token", "test-verification", false)]
    [InlineData("test-verification-token", null, false)]
    [InlineData("test-verification-token", "", false)]
    [InlineData("", "", false)]
    public void TokensMatchOnlyWhenEqual(string expected, string? actual, bool equal) =>
        Assert.Equal(equal, LarkCrypto.TokenEquals(expected, actual));
}
