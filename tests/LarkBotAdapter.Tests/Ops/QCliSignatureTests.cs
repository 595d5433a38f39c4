using System.Text.Json.Nodes;
using ChatOps.Contracts;
using ChatOps.LarkBotAdapter.Ops;

namespace ChatOps.LarkBotAdapter.Tests.Ops;

/// <summary>The app's signer against vectors computed independently (node:crypto, confirmed with openssl) by
/// tests/tooling/make-qcli-vectors.js.</summary>
public sealed class QCliSignatureTests
{
    public static TheoryData<string> VectorNames => new(Vectors().Select(v => (string)v["name"]!));

    internal static IEnumerable<JsonNode> Vectors()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "TestData", "qcli-vectors.json");
        return JsonNode.Parse(File.ReadAllText(path))!["vectors"]!.AsArray().Select(v => v!);
    }

    internal static (string Secret, long Timestamp, byte[] Body, string Signature) Vector(string name)
    {
        var v = Vectors().Single(v => (string)v["name"]! == name);
        return ((string)v["secret"]!, long.Parse((string)v["timestamp"]!, System.Globalization.CultureInfo.InvariantCulture),
            Convert.FromBase64String((string)v["bodyBase64"]!), (string)v["signature"]!);
    }

    [Fact]
    public void VectorsWereConfirmedByOpenssl() =>
        Assert.All(Vectors(), v => Assert.True((bool)v["confirmedByOpenssl"]!, (string?)v["name"]));

    [Theory]
    [MemberData(nameof(VectorNames))]
    public void SignatureMatchesTheIndependentVector(string name)
    {
        var (secret, timestamp, body, signature) = Vector(name);

        Assert.Equal(signature, QCliRequestSignature.Sign(secret, timestamp, body));
    }

    [Fact]
    public void OneChangedBodyByteChangesTheSignature()
    {
        var (secret, timestamp, body, signature) = Vector("ascii body, no profile");
        body[^2] ^= 1;

        Assert.NotEqual(signature, QCliRequestSignature.Sign(secret, timestamp, body));
    }

    [Theory]
    [MemberData(nameof(VectorNames))]
    public void TheSharedVerifierThatTheProxyUsesAcceptsEveryVector(string name)
    {
        var (secret, timestamp, body, signature) = Vector(name);
        var text = timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(QCliSignatureCheck.Valid, QCliRequestSignature.Verify(secret, text, signature, body, DateTimeOffset.FromUnixTimeSeconds(timestamp)));
    }
}
