using System.Text;
using ChatOps.LarkBotAdapter.Channels.Slack;
using ChatOps.LarkBotAdapter.Channels.Slack.Inbound;
using ChatOps.TestKit.Slack;

namespace ChatOps.LarkBotAdapter.Tests.Channels.Slack.Inbound;

public sealed class SlackSignatureTests
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    [Theory]
    [MemberData(nameof(VectorNames))]
    public void VerifierAgreesWithSlackBolt(string name)
    {
        var v = SlackVectors.Named(name);
        var now = DateTimeOffset.FromUnixTimeSeconds(v.NowUnixSeconds);

        var accepted = SlackSignature.Verify(v.SigningSecret, v.Timestamp, Encoding.UTF8.GetBytes(v.Body), v.Signature, now, Window);

        Assert.Equal(v.Expected, accepted);
    }

    public static TheoryData<string> VectorNames() => SlackVectors.Names();

    [Fact]
    public void VectorsComeFromBoltAndDifferOnlyOnFutureTimestamps()
    {
        Assert.Equal("@slack/bolt", SlackVectors.Instance.Sdk.Package);
        var differing = SlackVectors.Instance.Vectors.Where(v => v.BoltAccepted != v.Expected).Select(v => v.Name);
        Assert.Equal(["future-six-minutes"], differing);
        Assert.Contains(SlackVectors.Instance.Vectors, v => v.Body.Contains('检'));
    }

    [Fact]
    public void ComputedSignatureMatchesEveryAcceptedVector()
    {
        foreach (var v in SlackVectors.Instance.Vectors.Where(v => v.Expected))
        {
            Assert.Equal(v.Signature, SlackSignature.Compute(v.SigningSecret, v.Timestamp, Encoding.UTF8.GetBytes(v.Body)));
        }
    }

    [Fact]
    public void TestKitSignsLikeTheService()
    {
        var body = "{\"type\":\"event_callback\",\"text\":\"检查\"}";
        Assert.Equal(SlackSignature.Compute("s3cret-for-tests", "1700000000", Encoding.UTF8.GetBytes(body)), SlackRequest.Sign("s3cret-for-tests", "1700000000", body));
    }

    [Theory]
    [InlineData(null, "v0=00")]
    [InlineData("1700000000", null)]
    [InlineData("", "v0=00")]
    [InlineData("-1700000000", "v0=00")]
    [InlineData("1700000000.5", "v0=00")]
    [InlineData("99999999999999999999", "v0=00")]
    public void MissingOrOddHeadersAreRejected(string? timestamp, string? signature)
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);
        Assert.False(SlackSignature.Verify("test-signing-secret", timestamp, "{}"u8, signature, now, Window));
    }
}
