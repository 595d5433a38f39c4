using ChatOps.LarkBotAdapter.Knowledge.Bedrock;

namespace ChatOps.LarkBotAdapter.Tests.Knowledge.Bedrock;

public sealed class CitedAnswerWriterTests
{
    private static readonly KnowledgeReference Runbook = new("S3", "s3://test-runbooks/checkout/restart.md", null);
    private static readonly KnowledgeReference Wiki = new("WEB", "https://wiki.example.test/sla", "SLA page");

    [Fact]
    public void CitationAfterItsTextPutsTheMarkerBeforeTheFollowingSpace()
    {
        var writer = new CitedAnswerWriter(chinese: false);
        var shown = writer.Output("Restart the pods. ");
        shown += writer.Cite(new KnowledgeCitation(0, 16, "Restart the pods.", [Runbook]));
        shown += writer.Output("Then check the SLA.");
        Assert.Equal("Restart the pods.[1] Then check the SLA.", shown);
    }

    [Fact]
    public void CitationWhoseTextIsStillAheadIsMarkedWhenTheTextArrives()
    {
        var writer = new CitedAnswerWriter(chinese: false);
        var shown = writer.Output("Restart ");
        shown += writer.Cite(new KnowledgeCitation(0, 16, "Restart the pods.", [Runbook]));
        Assert.Equal("Restart", shown);
        shown += writer.Output("the pods. Then wait.");
        Assert.Equal("Restart the pods.[1] Then wait.", shown);
    }

    [Fact]
    public void LateCitationIsMarkedAtTheCurrentEnd()
    {
        var writer = new CitedAnswerWriter(chinese: false);
        var shown = writer.Output("Restart the pods. Then wait.");
        shown += writer.Cite(new KnowledgeCitation(0, 16, "Restart the pods.", [Runbook]));
        Assert.Equal("Restart the pods. Then wait.[1]", shown);
    }

    [Fact]
    public void SourcesAreNumberedOncePerDocumentAndListedAtTheEnd()
    {
        var writer = new CitedAnswerWriter(chinese: false);
        var shown = writer.Output("A.");
        shown += writer.Cite(new KnowledgeCitation(0, 1, "A.", [Runbook, Runbook with { Title = null }]));
        shown += writer.Output(" B.");
        shown += writer.Cite(new KnowledgeCitation(2, 4, " B.", [Wiki, Runbook]));
        shown += writer.Finish();
        Assert.Equal(
            "A.[1] B.[2][1]\n\n**Sources**\n1. restart.md — s3://test-runbooks/checkout/restart.md\n2. [SLA page](https://wiki.example.test/sla)\n",
            shown);
        Assert.Equal(2, writer.SourceCount);
    }

    [Fact]
    public void CitationWithoutReferencesAddsNoMarker()
    {
        var writer = new CitedAnswerWriter(chinese: false);
        var shown = writer.Output("Nothing cited.") + writer.Cite(new KnowledgeCitation(0, 13, "Nothing cited.", [])) + writer.Finish();
        Assert.Equal("Nothing cited.", shown);
    }

    [Fact]
    public void MarkerForTextThatNeverCameGoesAtTheEnd()
    {
        var writer = new CitedAnswerWriter(chinese: false);
        var shown = writer.Output("Short answer.\n") + writer.Cite(new KnowledgeCitation(0, 99, null, [Runbook])) + writer.Finish();
        Assert.StartsWith("Short answer.[1]\n\n**Sources**\n", shown, StringComparison.Ordinal);
    }

    [Fact]
    public void NoAnswerTextMeansNoSourcesList()
    {
        var writer = new CitedAnswerWriter(chinese: false);
        Assert.Equal(string.Empty, writer.Cite(new KnowledgeCitation(0, 4, "text", [Runbook])) + writer.Finish());
        Assert.False(writer.HasText);
    }

    [Fact]
    public void MarkerNeverSplitsASurrogatePair()
    {
        var writer = new CitedAnswerWriter(chinese: false);
        var shown = writer.Output("Go ") + writer.Cite(new KnowledgeCitation(0, 3, null, [Runbook])) + writer.Output("🚀 now") + writer.Finish();
        Assert.StartsWith("Go 🚀[1] now", shown, StringComparison.Ordinal);
    }

    [Fact]
    public void ChineseAnswersGetAChineseHeading()
    {
        var writer = new CitedAnswerWriter(chinese: true);
        var shown = writer.Output("先回滚。") + writer.Cite(new KnowledgeCitation(0, 3, "先回滚。", [Runbook])) + writer.Finish();
        Assert.Equal("先回滚。[1]\n\n**来源**\n1. restart.md — s3://test-runbooks/checkout/restart.md\n", shown);
    }
}
