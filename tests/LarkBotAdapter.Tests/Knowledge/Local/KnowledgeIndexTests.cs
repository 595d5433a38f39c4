using ChatOps.LarkBotAdapter.Knowledge.Local;

namespace ChatOps.LarkBotAdapter.Tests.Knowledge.Local;

public sealed class KnowledgeIndexTests
{
    private static readonly string Filler = string.Join(' ', Enumerable.Range(0, 30).Select(i => $"word{i}"));

    private static KnowledgeChunk Chunk(string file, string heading, string body) => new(file, ["Doc", heading], body);

    [Fact]
    public void HeadingMatchOutranksTheSameWordInTheBody()
    {
        var index = KnowledgeIndex.Build(
        [
            Chunk("a.md", "Notes", $"{Filler} rollback {Filler}"),
            Chunk("b.md", "Rollback", $"{Filler} {Filler}"),
            Chunk("c.md", "Other", "unrelated text"),
        ]);
        var hits = index.Search("rollback");
        Assert.Equal(["b.md", "a.md"], hits.Select(h => h.Chunk.File));
        Assert.True(hits[0].Score > hits[1].Score);
    }

    [Fact]
    public void RarerTermsWeighMore()
    {
        var index = KnowledgeIndex.Build(
        [
            Chunk("common1.md", "One", "service restart"),
            Chunk("common2.md", "Two", "service deploy"),
            Chunk("common3.md", "Three", "service logs"),
            Chunk("rare.md", "Four", "kubelet logs"),
        ]);
        Assert.Equal("rare.md", index.Search("service kubelet")[0].Chunk.File);
    }

    [Fact]
    public void QuestionWithNoKnownTermsFindsNothing()
    {
        var index = KnowledgeIndex.Build([Chunk("a.md", "Rollback", "kubectl rollout undo")]);
        Assert.Empty(index.Search("what's the weather in Paris tomorrow?"));
        Assert.Empty(index.Search("the and of"));
    }

    [Fact]
    public void PassageMatchingATinyShareOfTheQuestionIsBelowTheFloor()
    {
        var index = KnowledgeIndex.Build([Chunk("a.md", "Rollback", "kubectl rollout undo"), Chunk("b.md", "Other", "nothing here")]);
        Assert.Empty(index.Search("bake sourdough bread with rye flour, salt, water and a long rollback"));
    }

    [Fact]
    public void ContextTermsWeighLessThanTheQuestionsOwn()
    {
        var index = KnowledgeIndex.Build(
            [Chunk("a.md", "Restart", "restart the pods"), Chunk("b.md", "Kafka", "consumer group kafka")],
            KnowledgeRankingOptions.Default with { RelativeCutoff = 0 });
        Assert.Equal("a.md", index.Search("restart", context: "kafka")[0].Chunk.File);
        Assert.Equal(2, index.Search("restart", context: "kafka").Count(h => h.Score > 0));
    }

    [Fact]
    public void ResultsAreCappedOrderedAndRepeatable()
    {
        var chunks = Enumerable.Range(0, 20).Select(i => Chunk($"d{i}.md", $"Disk {i}", string.Join(' ', Enumerable.Repeat("disk full", i + 1)))).ToArray();
        var index = KnowledgeIndex.Build(chunks, KnowledgeRankingOptions.Default with { RelativeCutoff = 0 });
        var hits = index.Search("disk full", top: 5);
        Assert.Equal(5, hits.Count);
        Assert.Equal(hits.OrderByDescending(h => h.Score).Select(h => h.Chunk), hits.Select(h => h.Chunk));
        Assert.Equal(hits.Select(h => h.Chunk.File), index.Search("disk full", top: 5).Select(h => h.Chunk.File));
    }

    [Fact]
    public void EmptyIndexFindsNothing()
    {
        var index = KnowledgeIndex.Build([]);
        Assert.Empty(index.Search("anything"));
        Assert.Equal(0, index.TermCount);
    }
}
