using ChatOps.IntentRecognition.Model;

namespace ChatOps.IntentRecognition.Tests;

/// <summary>What the model reads: resource ids become one marker word per kind, so an id it never saw still says "a live resource".</summary>
public sealed class QuestionFeaturesTests
{
    [Theory]
    [InlineData("is i-0fedcba9876543210 still running?", "is  awsresourceid  still running?")]
    [InlineData("Snapshot VOL-0A1B2C3D4E5F60718 now", "snapshot  awsresourceid  now")]
    [InlineData("sg-1234abcd 对外开放了吗", " awsresourceid  对外开放了吗")]
    [InlineData("cordon ip-10-2-33-14 please", "cordon  awsnodename  please")]
    [InlineData("anything odd in account 123456789012?", "anything odd in account  awsaccountid ?")]
    public void ResourceIdsBecomeMarkerWords(string question, string prepared)
    {
        Assert.Equal(prepared, IntentModel.Prepare(question));
    }

    [Fact]
    public void AnArnKeepsItsServiceAndLosesItsAccountAndName()
    {
        var prepared = IntentModel.Prepare("what does arn:aws:iam::998877665544:role/etl-runner allow?");

        Assert.Equal("what does  awsarn iam  allow?", prepared);
    }

    [Theory]
    [InlineData("what's the runbook for high replica lag on the aurora reader")]
    [InlineData("how many 5xx since 10:00 on checkout-api")]
    [InlineData("is the prod_db instance running?")]
    [InlineData("my phone number is 555 0100 1234")]
    [InlineData("the singer-2024 tour dates")]
    public void TextWithoutResourceIdsIsOnlyNormalised(string question)
    {
        Assert.Equal(question.ToLowerInvariant(), IntentModel.Prepare(question));
    }
}
