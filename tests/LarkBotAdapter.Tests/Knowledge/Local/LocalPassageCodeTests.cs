using ChatOps.LarkBotAdapter.Knowledge.Local;
using ChatOps.LarkBotAdapter.Tests.Replies;

namespace ChatOps.LarkBotAdapter.Tests.Knowledge.Local;

public sealed class LocalPassageCodeTests
{
    [Fact]
    public async Task DocumentEndingInsideACodeBlockIsClosedBeforeTheCitation()
    {
        using var folder = KnowledgeFolders.Temp().With("runbooks/cache.md",
            "# Cache\n\n## Flush the redis cache\n\nFlush the redis cache with:\n\n   ```bash\n   redis-cli -h cache.internal FLUSHALL\n");
        var responder = new LocalKnowledgeResponder(new LocalKnowledgeBase(KnowledgeLocation.At(folder.Path)));
        var answer = "";
        await foreach (var piece in responder.AnswerAsync(LocalKnowledgeResponderTests.Ask("how do I flush the redis cache?"), CancellationToken.None))
        {
            answer += piece;
        }
        Assert.Contains("   redis-cli -h cache.internal FLUSHALL\n   ```\n\n— *runbooks/cache.md", answer, StringComparison.Ordinal);
        Assert.True(SegmentChecks.FencesBalanced(answer), answer);
    }
}
