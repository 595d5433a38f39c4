namespace ChatOps.IntentRecognition.Tests;

/// <summary>Which configured AWS profile a question names (<see cref="IntentResult.AwsProfile"/>).</summary>
public sealed partial class LocalIntentClassifierTests
{
    private static readonly string[] Profiles = ["prod", "uat", "logs", "security"];

    [Theory]
    [InlineData("is checkout-api throwing 5xx in prod right now?", "prod")]
    [InlineData("any failed logins in the security account today?", "security")]
    [InlineData("check the logs account for S3 access denied errors", "logs")]
    [InlineData("how many pods are running in UAT?", "uat")]
    [InlineData("show me the logs of checkout-api in prod", "prod")]
    [InlineData("prod 环境的 checkout-api 现在有报警吗？", "prod")]
    [InlineData("生产环境prod现在正常吗", "prod")]
    [InlineData("are there 5xx errors in production?", null)]
    [InlineData("errors in non-prod since 10:00?", null)]
    [InlineData("is the prod_db instance running?", null)]
    [InlineData("how many instances are running?", null)]
    public void ProfileNamedAsAWholeWordIsPicked(string text, string? profile)
    {
        var local = new LocalIntentClassifier(Summary, Profiles);

        Assert.Equal(profile, local.Classify(IntentRequest.Single(text)).AwsProfile);
    }

    [Fact]
    public void WithoutConfiguredProfilesNoneIsPicked()
    {
        Assert.Null(classifier.Classify(IntentRequest.Single("is checkout-api throwing 5xx in prod right now?")).AwsProfile);
    }

    [Fact]
    public void ProfilesNeverChangeTheIntent()
    {
        var local = new LocalIntentClassifier(Summary, Profiles);
        var examples = IntentExample.Load("intent-examples.jsonl");

        Assert.All(examples, e => Assert.Equal(classifier.Classify(e.Request) with { AwsProfile = null }, local.Classify(e.Request) with { AwsProfile = null }));
        Assert.Contains(examples, e => local.Classify(e.Request).AwsProfile is not null);
    }
}
