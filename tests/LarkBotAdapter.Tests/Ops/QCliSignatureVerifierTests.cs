using System.Globalization;
using ChatOps.TestKit.QCli;

namespace ChatOps.LarkBotAdapter.Tests.Ops;

/// <summary>The fake proxy's verifier accepts exactly what the contract accepts, checked against the same vectors.</summary>
public sealed class QCliSignatureVerifierTests
{
    [Theory]
    [MemberData(nameof(QCliSignatureTests.VectorNames), MemberType = typeof(QCliSignatureTests))]
    public void VectorIsAcceptedInsideTheWindow(string name)
    {
        var (secret, timestamp, body, signature) = QCliSignatureTests.Vector(name);
        var now = DateTimeOffset.FromUnixTimeSeconds(timestamp + 300);

        Assert.Null(QCliSignatureVerifier.Problem(secret, Text(timestamp), signature, body, now));
        Assert.Equal(signature, QCliSignatureVerifier.Sign(secret, Text(timestamp), body));
    }

    [Theory]
    [InlineData(301)]
    [InlineData(-301)]
    public void TimestampMoreThanFiveMinutesAwayIsRefused(int skewSeconds)
    {
        var (secret, timestamp, body, signature) = QCliSignatureTests.Vector("ascii body, no profile");

        Assert.Equal("timestamp outside the 300 s window",
            QCliSignatureVerifier.Problem(secret, Text(timestamp), signature, body, DateTimeOffset.FromUnixTimeSeconds(timestamp + skewSeconds)));
    }

    [Fact]
    public void TamperedOrMalformedSignaturesAreRefused()
    {
        var (secret, timestamp, body, signature) = QCliSignatureTests.Vector("ascii body, no profile");
        var now = DateTimeOffset.FromUnixTimeSeconds(timestamp);

        Assert.Equal("signature mismatch", QCliSignatureVerifier.Problem("wrong-test-secret", Text(timestamp), signature, body, now));
        Assert.Equal("signature mismatch", QCliSignatureVerifier.Problem(secret, Text(timestamp), signature[..^1] + (signature[^1] == '0' ? "1" : "0"), body, now));
        Assert.Equal("missing or unversioned signature", QCliSignatureVerifier.Problem(secret, Text(timestamp), signature[3..], body, now));
        Assert.Equal("signature is not hex", QCliSignatureVerifier.Problem(secret, Text(timestamp), "v1=zz", body, now));
        Assert.Equal("missing or malformed timestamp", QCliSignatureVerifier.Problem(secret, null, signature, body, now));
    }

    private static string Text(long timestamp) => timestamp.ToString(CultureInfo.InvariantCulture);
}
