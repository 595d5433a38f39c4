using System.Text.Json.Nodes;
using ChatOps.Contracts;
using ChatOps.LarkBotAdapter.Ops;

namespace ChatOps.LarkBotAdapter.Tests.Ops;

/// <summary>The app's signer against vectors computed independently (node:crypto, confirmed with openssl) by
/// tests/tooling/make-qcli-vectors.js: v2 (method, path, timestamp, body), and v1 for the proxy's rolling upgrade.</summary>
public sealed class QCliSignatureTests
{
    public static TheoryData<string> VectorNames => new(Vectors().Select(v => (string)v["name"]!));

    internal static IEnumerable<JsonNode> Vectors()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "TestData", "qcli-vectors.json");
        return JsonNode.Parse(File.ReadAllText(path))!["vectors"]!.AsArray().Select(v => v!);
    }

    internal static QCliVector Vector(string name)
    {
        var v = Vectors().Single(v => (string)v["name"]! == name);
        return new((string)v["secret"]!, (string)v["method"]!, (string)v["path"]!,
            long.Parse((string)v["timestamp"]!, System.Globalization.CultureInfo.InvariantCulture),
            Convert.FromBase64String((string)v["bodyBase64"]!), (string)v["signature"]!, (string)v["signatureV1"]!);
    }

    [Fact]
    public void VectorsWereConfirmedByOpenssl() =>
        Assert.All(Vectors(), v => Assert.True((bool)v["confirmedByOpenssl"]!, (string?)v["name"]));

    [Theory]
    [MemberData(nameof(VectorNames))]
    public void SignatureMatchesTheIndependentVector(string name)
    {
        var v = Vector(name);

        Assert.Equal(v.Signature, QCliRequestSignature.Sign(v.Secret, v.Method, v.Path, v.Timestamp, v.Body));
        Assert.Equal(v.SignatureV1, QCliRequestSignature.SignV1(v.Secret, v.TimestampText, v.Body));
    }

    [Fact]
    public void OneChangedBodyByteChangesTheSignature()
    {
        var v = Vector("ascii body, no profile");
        v.Body[^2] ^= 1;

        Assert.NotEqual(v.Signature, QCliRequestSignature.Sign(v.Secret, v.Method, v.Path, v.Timestamp, v.Body));
    }

    [Theory]
    [MemberData(nameof(VectorNames))]
    public void TheSharedVerifierThatTheProxyUsesAcceptsEveryVector(string name)
    {
        var v = Vector(name);
        var at = DateTimeOffset.FromUnixTimeSeconds(v.Timestamp);

        Assert.Equal(QCliSignatureCheck.Valid, QCliRequestSignature.Verify(v.Secret, new(v.Method, v.Path, v.TimestampText, v.Signature), v.Body, at, acceptV1: false));
        Assert.Equal(QCliSignatureCheck.VersionRefused, QCliRequestSignature.Verify(v.Secret, new(v.Method, v.Path, v.TimestampText, v.SignatureV1), v.Body, at, acceptV1: false));
        Assert.Equal(QCliSignatureCheck.Valid, QCliRequestSignature.Verify(v.Secret, new(v.Method, v.Path, v.TimestampText, v.SignatureV1), v.Body, at, acceptV1: true));
    }

    [Fact]
    public void TheChatAndExecutePathsAreSignedAsTheProtocolPaths()
    {
        Assert.Equal("/v1/chat", QCliProtocol.SignedPath(QCliProtocol.ChatPath));
        Assert.Equal(Vector("execute request").Path, QCliProtocol.SignedPath(QCliProtocol.ExecutePath("P-20261205-7f3a9c2e")));
    }
}
