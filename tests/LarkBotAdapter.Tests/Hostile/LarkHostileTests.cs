namespace ChatOps.LarkBotAdapter.Tests.Hostile;

[Collection(HostileCollection.Name)]
public sealed class LarkHostileTests(HostileApp app)
{
    public static TheoryData<string> Cases => LarkFuzzCorpus.Names;

    [Theory]
    [MemberData(nameof(Cases))]
    public Task LarkEventsSurvivesHostileInput(string name) => app.CheckAsync(LarkFuzzCorpus.Cases[name]);

    [Fact]
    public void CorpusIsLargeAndCoversEveryOutcome()
    {
        Assert.True(LarkFuzzCorpus.Cases.Count >= 100, $"{LarkFuzzCorpus.Cases.Count} cases");
        Assert.All(Enum.GetValues<Expect>(), e => Assert.Contains(LarkFuzzCorpus.Cases.Values, c => c.Expect == e));
    }
}
