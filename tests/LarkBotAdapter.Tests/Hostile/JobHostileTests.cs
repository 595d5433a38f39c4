namespace ChatOps.LarkBotAdapter.Tests.Hostile;

[Collection(HostileCollection.Name)]
public sealed class JobHostileTests(HostileApp app)
{
    public static TheoryData<string> Cases => JobFuzzCorpus.Names;

    [Theory]
    [MemberData(nameof(Cases))]
    public Task EventsEndpointSurvivesHostileJobs(string name) => app.CheckAsync(JobFuzzCorpus.Cases[name]);

    [Fact]
    public void CorpusIsLargeAndCoversEveryOutcome()
    {
        Assert.True(JobFuzzCorpus.Cases.Count >= 80, $"{JobFuzzCorpus.Cases.Count} cases");
        Assert.All(Enum.GetValues<Expect>(), e => Assert.Contains(JobFuzzCorpus.Cases.Values, c => c.Expect == e));
    }
}
