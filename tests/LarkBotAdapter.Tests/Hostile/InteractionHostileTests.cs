using ChatOps.TestKit.Slack;

namespace ChatOps.LarkBotAdapter.Tests.Hostile;

[Collection(HostileCollection.Name)]
public sealed class InteractionHostileTests(HostileApp app)
{
    public static TheoryData<string> Cases => InteractionFuzzCorpus.Names;

    [Theory]
    [MemberData(nameof(Cases))]
    public Task InteractivityEndpointsSurviveHostileInput(string name) => app.CheckAsync(InteractionFuzzCorpus.Cases[name]);

    [Fact]
    public async Task ValidClicksRecordOneVoteEachAndSetOffNothingElse()
    {
        var lark = await app.RunAsync(new("lark click", () => InteractionFuzzCorpus.LarkCards(InteractionFuzzCorpus.LarkClick()), Expect.Ignored));
        var slack = await app.RunAsync(new("slack click", () => SlackRequest.SignedInteraction(InteractionFuzzCorpus.SlackClick(), DateTimeOffset.UtcNow), Expect.Ignored));

        foreach (var (status, body, effects, _) in new[] { lark, slack })
        {
            Assert.Equal(200, status);
            Assert.Equal(SideEffects.None with { Votes = 1 }, effects);
        }
        Assert.Contains("toast", lark.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void CorpusIsLargeAndCoversRefusedIgnoredAndSurvives()
    {
        Assert.True(InteractionFuzzCorpus.Cases.Count >= 50, $"{InteractionFuzzCorpus.Cases.Count} cases");
        Assert.All(new[] { Expect.Refused, Expect.Ignored, Expect.Survives }, e => Assert.Contains(InteractionFuzzCorpus.Cases.Values, c => c.Expect == e));
    }
}
