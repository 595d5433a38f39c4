using System.Text;
using ChatOps.Contracts;
using ChatOps.TestKit.QCli;

namespace ChatOps.QCliProxy.Tests.Security;

public sealed class QCliRequestSignatureTests
{
    private const string Secret = "test-proxy-secret-0001";
    private const string Body = """{"conversationId":"lark:oc_1:om_2","prompt":"list buckets","user":"ou_3","channel":"lark","awsProfile":null}""";
    private static readonly DateTimeOffset SignedAt = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);

    [Fact]
    public void SignatureMatchesAVectorMadeWithOpenssl()
    {
        // printf '%s' '1700000000.<Body>' | openssl dgst -sha256 -hmac 'test-proxy-secret-0001'
        const string expected = "v1=6cc060d52e71589a16d594cd62decf8f1745b57188fe147e2be1f1906c38c41a";

        Assert.Equal(expected, QCliRequestSignature.Sign(Secret, "1700000000", Encoding.UTF8.GetBytes(Body)));
        Assert.Equal(expected, QCliProxySigner.Signature(Secret, "1700000000", Encoding.UTF8.GetBytes(Body)));
    }

    [Theory]
    [InlineData(0, nameof(QCliSignatureCheck.Valid))]
    [InlineData(300, nameof(QCliSignatureCheck.Valid))]
    [InlineData(-300, nameof(QCliSignatureCheck.Valid))]
    [InlineData(301, nameof(QCliSignatureCheck.Stale))]
    [InlineData(-301, nameof(QCliSignatureCheck.Stale))]
    public void TimestampMustBeWithinFiveMinutes(int secondsLater, string expected)
    {
        var signature = QCliProxySigner.Signature(Secret, "1700000000", Encoding.UTF8.GetBytes(Body));

        var check = QCliRequestSignature.Verify(Secret, "1700000000", signature, Encoding.UTF8.GetBytes(Body), SignedAt.AddSeconds(secondsLater));

        Assert.Equal(expected, check.ToString());
    }

    [Theory]
    [InlineData(null, "v1=00", nameof(QCliSignatureCheck.Missing))]
    [InlineData("1700000000", null, nameof(QCliSignatureCheck.Missing))]
    [InlineData("17e8", "v1=6cc060d52e71589a16d594cd62decf8f1745b57188fe147e2be1f1906c38c41a", nameof(QCliSignatureCheck.Malformed))]
    [InlineData("1700000000", "v2=6cc060d52e71589a16d594cd62decf8f1745b57188fe147e2be1f1906c38c41a", nameof(QCliSignatureCheck.Malformed))]
    [InlineData("1700000000", "v1=6cc060d52e71589a16d594cd62decf8f1745b57188fe147e2be1f1906c38c4", nameof(QCliSignatureCheck.Malformed))]
    [InlineData("1700000000", "v1=zzc060d52e71589a16d594cd62decf8f1745b57188fe147e2be1f1906c38c41a", nameof(QCliSignatureCheck.Malformed))]
    [InlineData("1700000000", "v1=7cc060d52e71589a16d594cd62decf8f1745b57188fe147e2be1f1906c38c41a", nameof(QCliSignatureCheck.Mismatch))]
    [InlineData("1700000001", "v1=6cc060d52e71589a16d594cd62decf8f1745b57188fe147e2be1f1906c38c41a", nameof(QCliSignatureCheck.Mismatch))]
    public void BrokenHeadersAreRejected(string? timestamp, string? signature, string expected)
    {
        var check = QCliRequestSignature.Verify(Secret, timestamp, signature, Encoding.UTF8.GetBytes(Body), SignedAt);

        Assert.Equal(expected, check.ToString());
    }

    [Fact]
    public void ChangedBodyIsAMismatch()
    {
        var signature = QCliProxySigner.Signature(Secret, "1700000000", Encoding.UTF8.GetBytes(Body));

        var check = QCliRequestSignature.Verify(Secret, "1700000000", signature, Encoding.UTF8.GetBytes(Body.Replace("list", "drop", StringComparison.Ordinal)), SignedAt);

        Assert.Equal(QCliSignatureCheck.Mismatch, check);
    }
}
