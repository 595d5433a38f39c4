using ChatOps.LarkBotAdapter.Knowledge.Bedrock;

namespace ChatOps.LarkBotAdapter.Tests.Knowledge.Bedrock;

public sealed class KnowledgeSourcesTests
{
    [Theory]
    [InlineData("s3://test-runbooks/checkout/Restart%20Guide.pdf", "Restart Guide.pdf")]
    [InlineData("s3://test-runbooks/oncall.md", "oncall.md")]
    [InlineData("https://wiki.example.test/display/OPS/Escalation+Policy?src=kb#top", "Escalation+Policy")]
    [InlineData("https://example.sharepoint.test/sites/ops/Shared%20Documents/sla.docx", "sla.docx")]
    [InlineData("https://docs.example.test/", "docs.example.test")]
    public void NameIsTheFileNameOfTheLink(string link, string name)
    {
        Assert.Equal(name, KnowledgeSources.NameFromLink(link));
    }

    [Fact]
    public void TitleWinsOverTheFileName()
    {
        var sources = new KnowledgeSources();
        Assert.Equal(1, sources.Number(new KnowledgeReference("CONFLUENCE", "https://wiki.example.test/pages/123", "Escalation policy")));
        Assert.Equal("**Sources**\n1. [Escalation policy](https://wiki.example.test/pages/123)\n", sources.Render(chinese: false));
    }

    [Fact]
    public void ReferenceWithNeitherLinkNorTitleGetsNoNumber()
    {
        var sources = new KnowledgeSources();
        Assert.Null(sources.Number(new KnowledgeReference("SQL", null, null)));
        Assert.Equal(string.Empty, sources.Render(chinese: false));
    }

    [Fact]
    public void SameLinkIsOneSource()
    {
        var sources = new KnowledgeSources();
        var first = sources.Number(new KnowledgeReference("S3", "s3://b/a.md", null));
        var again = sources.Number(new KnowledgeReference("S3", "s3://b/a.md", "A title"));
        var other = sources.Number(new KnowledgeReference("S3", "s3://b/b.md", null));
        Assert.Equal((1, 1, 2), (first, again, other));
    }

    [Fact]
    public void BracketsInNamesCannotBreakTheLink()
    {
        var sources = new KnowledgeSources();
        sources.Number(new KnowledgeReference("WEB", "https://x.example.test/p", "Runbook [old]"));
        Assert.Contains("[Runbook (old)](https://x.example.test/p)", sources.Render(chinese: false), StringComparison.Ordinal);
    }
}
