using System.Text;
using ChatOps.Contracts;
using ChatOps.TestKit.QCli;

namespace ChatOps.QCliProxy.Tests.Security;

public sealed class QCliRequestSignatureTests
{
    private const string Secret = "test-proxy-secret-0001";
    private const string Body = """{"conversationId":"lark:oc_1:om_2","prompt":"list buckets","user":"ou_3","channel":"lark","awsProfile":null}""";
    private const string V2 = "v2=abf9c16dda43c3ef8a5c9e0808f9237cc9d9109a497359a947aac3aa6e2e784a";
    private const string V1 = "v1=6cc060d52e71589a16d594cd62decf8f1745b57188fe147e2be1f1906c38c41a";
    private static readonly DateTimeOffset SignedAt = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);

    [Fact]
    public void SignatureMatchesAVectorMadeWithOpenssl()
    {
        // printf 'POST\n/v1/chat\n1700000000\n%s' '<Body>' | openssl dgst -sha256 -hmac 'test-proxy-secret-0001'
        Assert.Equal(V2, QCliRequestSignature.Sign(Secret, "POST", "/v1/chat", 1_700_000_000, Encoding.UTF8.GetBytes(Body)));
        Assert.Equal(V2, QCliProxySigner.Signature(Secret, "POST", "/v1/chat", "1700000000", Encoding.UTF8.GetBytes(Body)));

        // printf '1700000000.%s' '<Body>' | openssl dgst -sha256 -hmac 'test-proxy-secret-0001'
        Assert.Equal(V1, QCliRequestSignature.SignV1(Secret, "1700000000", Encoding.UTF8.GetBytes(Body)));
    }

    [Theory]
    [InlineData(0, nameof(QCliSignatureCheck.Valid))]
    [InlineData(300, nameof(QCliSignatureCheck.Valid))]
    [InlineData(-300, nameof(QCliSignatureCheck.Valid))]
    [InlineData(301, nameof(QCliSignatureCheck.Stale))]
    [InlineData(-301, nameof(QCliSignatureCheck.Stale))]
    public void TimestampMustBeWithinFiveMinutes(int secondsLater, string expected)
    {
        var check = Verify("1700000000", V2, SignedAt.AddSeconds(secondsLater));

        Assert.Equal(expected, check.ToString());
    }

    [Theory]
    [InlineData(null, "v2=00", nameof(QCliSignatureCheck.Missing))]
    [InlineData("1700000000", null, nameof(QCliSignatureCheck.Missing))]
    [InlineData("17e8", V2, nameof(QCliSignatureCheck.Malformed))]
    [InlineData("1700000000", "v3=abf9c16dda43c3ef8a5c9e0808f9237cc9d9109a497359a947aac3aa6e2e784a", nameof(QCliSignatureCheck.Malformed))]
    [InlineData("1700000000", "v2=abf9c16dda43c3ef8a5c9e0808f9237cc9d9109a497359a947aac3aa6e2e78", nameof(QCliSignatureCheck.Malformed))]
    [InlineData("1700000000", "v2=zzf9c16dda43c3ef8a5c9e0808f9237cc9d9109a497359a947aac3aa6e2e784a", nameof(QCliSignatureCheck.Malformed))]
    [InlineData("1700000000", "v2= bf9c16dda43c3ef8a5c9e0808f9237cc9d9109a497359a947aac3aa6e2e784a", nameof(QCliSignatureCheck.Malformed))]
    [InlineData("1700000000", "v2=bbf9c16dda43c3ef8a5c9e0808f9237cc9d9109a497359a947aac3aa6e2e784a", nameof(QCliSignatureCheck.Mismatch))]
    [InlineData("1700000001", V2, nameof(QCliSignatureCheck.Mismatch))]
    [InlineData("1700000000", V1, nameof(QCliSignatureCheck.VersionRefused))]
    public void BrokenHeadersAreRejected(string? timestamp, string? signature, string expected)
    {
        Assert.Equal(expected, Verify(timestamp, signature, SignedAt).ToString());
    }

    [Fact]
    public void V1IsValidOnlyWhenAccepted()
    {
        var signed = new QCliSignedRequest("POST", "/v1/chat", "1700000000", V1);

        Assert.Equal(QCliSignatureCheck.VersionRefused, QCliRequestSignature.Verify(Secret, signed, Encoding.UTF8.GetBytes(Body), SignedAt, acceptV1: false));
        Assert.Equal(QCliSignatureCheck.Valid, QCliRequestSignature.Verify(Secret, signed, Encoding.UTF8.GetBytes(Body), SignedAt, acceptV1: true));
    }

    [Theory]
    [InlineData("GET", "/v1/chat")]
    [InlineData("post", "/v1/chat")]
    [InlineData("POST", "/v1/proposals/P-20261205-7f3a9c2e/execute")]
    [InlineData("POST", "/v1/chat/")]
    public void ASignatureForAnotherMethodOrPathIsAMismatch(string method, string path)
    {
        var check = QCliRequestSignature.Verify(Secret, new QCliSignedRequest(method, path, "1700000000", V2), Encoding.UTF8.GetBytes(Body), SignedAt, acceptV1: true);

        Assert.Equal(QCliSignatureCheck.Mismatch, check);
    }

    [Fact]
    public void ChangedBodyIsAMismatch()
    {
        var check = QCliRequestSignature.Verify(
            Secret, new QCliSignedRequest("POST", "/v1/chat", "1700000000", V2), Encoding.UTF8.GetBytes(Body.Replace("list", "drop", StringComparison.Ordinal)), SignedAt, acceptV1: false);

        Assert.Equal(QCliSignatureCheck.Mismatch, check);
    }

    private static QCliSignatureCheck Verify(string? timestamp, string? signature, DateTimeOffset now) =>
        QCliRequestSignature.Verify(Secret, new QCliSignedRequest("POST", "/v1/chat", timestamp, signature), Encoding.UTF8.GetBytes(Body), now, acceptV1: false);
}
