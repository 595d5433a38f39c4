using ChatOps.TestKit.QCli;

namespace ChatOps.LarkBotAdapter.Tests.Ops;

/// <summary>The fake proxy's verifier accepts exactly what the contract accepts, checked against the same vectors.</summary>
public sealed class QCliSignatureVerifierTests
{
    [Theory]
    [MemberData(nameof(QCliSignatureTests.VectorNames), MemberType = typeof(QCliSignatureTests))]
    public void VectorIsAcceptedInsideTheWindow(string name)
    {
        var v = QCliSignatureTests.Vector(name);
        var now = DateTimeOffset.FromUnixTimeSeconds(v.Timestamp + 300);

        Assert.Null(QCliSignatureVerifier.Problem(v.Secret, v.Method, v.Path, v.TimestampText, v.Signature, v.Body, now));
        Assert.Equal(v.Signature, QCliSignatureVerifier.Sign(v.Secret, v.Method, v.Path, v.TimestampText, v.Body));
    }

    [Theory]
    [InlineData(301)]
    [InlineData(-301)]
    public void TimestampMoreThanFiveMinutesAwayIsRefused(int skewSeconds)
    {
        var v = QCliSignatureTests.Vector("ascii body, no profile");

        Assert.Equal("timestamp outside the 300 s window",
            QCliSignatureVerifier.Problem(v.Secret, v.Method, v.Path, v.TimestampText, v.Signature, v.Body, DateTimeOffset.FromUnixTimeSeconds(v.Timestamp + skewSeconds)));
    }

    [Fact]
    public void TamperedOrMalformedSignaturesAreRefused()
    {
        var v = QCliSignatureTests.Vector("ascii body, no profile");
        var now = DateTimeOffset.FromUnixTimeSeconds(v.Timestamp);
        string? Problem(string secret = "", string method = "POST", string? path = null, string? signature = null, string? timestamp = "") =>
            QCliSignatureVerifier.Problem(secret.Length == 0 ? v.Secret : secret, method, path ?? v.Path, timestamp == "" ? v.TimestampText : timestamp, signature ?? v.Signature, v.Body, now);

        Assert.Equal("signature mismatch", Problem(secret: "wrong-test-secret"));
        Assert.Equal("signature mismatch", Problem(signature: v.Signature[..^1] + (v.Signature[^1] == '0' ? "1" : "0")));
        Assert.Equal("signature mismatch", Problem(method: "GET"));
        Assert.Equal("signature mismatch", Problem(path: "/v1/proposals/P-1/execute"));
        Assert.Equal("v1 signature refused: the proxy accepts v2 only", Problem(signature: v.SignatureV1));
        Assert.Equal("missing or unversioned signature", Problem(signature: v.Signature[3..]));
        Assert.Equal("signature is not hex", Problem(signature: "v2=zz"));
        Assert.Equal("missing or malformed timestamp", Problem(timestamp: null));
    }
}
