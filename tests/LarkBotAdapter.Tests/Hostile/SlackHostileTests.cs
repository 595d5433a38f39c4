namespace ChatOps.LarkBotAdapter.Tests.Hostile;

[Collection(HostileCollection.Name)]
public sealed class SlackHostileTests(HostileApp app)
{
    public static TheoryData<string> EventCases => SlackFuzzCorpus.Names;

    public static TheoryData<string> CommandCases => SlackCommandFuzzCorpus.Names;

    [Theory]
    [MemberData(nameof(EventCases))]
    public Task SlackEventsSurvivesHostileInput(string name) => app.CheckAsync(SlackFuzzCorpus.Cases[name]);

    [Theory]
    [MemberData(nameof(CommandCases))]
    public Task SlackCommandsSurvivesHostileInput(string name) => app.CheckAsync(SlackCommandFuzzCorpus.Cases[name]);

    [Fact]
    public void CorporaAreLargeAndCoverEveryOutcome()
    {
        Assert.True(SlackFuzzCorpus.Cases.Count >= 100, $"{SlackFuzzCorpus.Cases.Count} event cases");
        Assert.True(SlackCommandFuzzCorpus.Cases.Count >= 50, $"{SlackCommandFuzzCorpus.Cases.Count} command cases");
        Assert.All(Enum.GetValues<Expect>(), e => Assert.Contains(SlackFuzzCorpus.Cases.Values, c => c.Expect == e));
        Assert.All(Enum.GetValues<Expect>(), e => Assert.Contains(SlackCommandFuzzCorpus.Cases.Values, c => c.Expect == e));
    }
}
