using ChatOps.IntentRecognition.Local;

namespace ChatOps.IntentRecognition.Tests;

/// <summary>What the lexicons say a (normalised) message names: something operated, something of ours.</summary>
public sealed class OpsEvidenceTests
{
    // "US" and "us" are one word once lowercased; the country is the likelier one in a question about gateways.
    [Theory]
    [InlineData("which gateways did immigrants use to enter the us", false)]
    [InlineData("which gateways do we use", true)]
    [InlineData("which gateways does my team use", true)]
    [InlineData("我们的网关", true)]
    public void SomethingOfOursIsSaidByOurWordsNotByTheUs(string text, bool expected) =>
        Assert.Equal(expected, OpsEvidence.NamesSomethingOfOurs(CueMatcher.Normalise(text)));

    // Like "is … running?" and "since 3pm" in English, the Chinese state question and time patterns are a question's
    // frame: a parcel can be 正常吗 too.
    [Theory]
    [InlineData("快递在转运，正常吗", false)]
    [InlineData("快递是否正常", false)]
    [InlineData("快递 3点以后 到", false)]
    [InlineData("生产集群正常吗", true)]
    [InlineData("告警 3点以后 还在响吗", true)]
    public void ChineseStateQuestionsAndTimesAreOnlyAFrame(string text, bool expected) =>
        Assert.Equal(expected, OpsEvidence.NamesSomethingOperated(CueMatcher.Normalise(text)));

    // "production" is as much a factory's or a film's as ours; "prod" is only ours.
    [Theory]
    [InlineData("how did the us scale up liberty ship production so fast", false)]
    [InlineData("how did we scale up the cluster so fast", false)]
    [InlineData("how did we scale up prod so fast", true)]
    [InlineData("how did we scale up i-0a1b2c3d4e5f67890 so fast", true)]
    [InlineData("券商 app 的行情延迟好几秒", false)] // like "latency", 延迟 is everyday: a flight is 延迟 too
    [InlineData("航班延迟了，费用能退吗", false)]
    [InlineData("生产延迟好几秒", true)]
    public void OnlyAnOpsOnlyWordOrAResourceIdIsOursWhateverTheRestSays(string text, bool expected) =>
        Assert.Equal(expected, OpsEvidence.NamesSomethingOnlyOpsHas(CueMatcher.Normalise(text)));
}
