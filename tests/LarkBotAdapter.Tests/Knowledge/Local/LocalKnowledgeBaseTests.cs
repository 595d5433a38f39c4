using ChatOps.LarkBotAdapter.Knowledge.Local;

namespace ChatOps.LarkBotAdapter.Tests.Knowledge.Local;

public sealed class LocalKnowledgeBaseTests
{
    [Fact]
    public void BundledFolderIndexesEveryDocumentButTheReadme()
    {
        var knowledge = KnowledgeFolders.BundledBase;
        Assert.True(knowledge.IsAvailable);
        Assert.Equal(
            ["policies/oncall-escalation.md", "policies/sla-slo.md", "runbooks/checkout-api.md", "runbooks/eks-node-not-ready.md",
             "runbooks/msk-consumer-lag.md", "runbooks/rds-failover.md", "templates/incident-communication.md"],
            knowledge.Documents.Select(d => d.File));
        Assert.Contains(knowledge.Documents, d => d.Title == "值班与升级策略");
        Assert.DoesNotContain(knowledge.Index.Chunks, c => c.File.EndsWith("README.md", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void SubfoldersAreIndexedWithSlashPaths()
    {
        using var folder = KnowledgeFolders.Temp()
            .With("a/b/deep.md", "# Deep\n\n## Disk full\nClear /var/log first.")
            .With("README.md", "# About\n\nDisk full everywhere.")
            .With("notes.txt", "disk full");
        var knowledge = new LocalKnowledgeBase(KnowledgeLocation.At(folder.Path));
        var document = Assert.Single(knowledge.Documents);
        Assert.Equal(new KnowledgeDocument("a/b/deep.md", "Deep", 1), document);
        Assert.Equal("a/b/deep.md › Disk full", knowledge.Search("disk is full")[0].Chunk.Citation);
    }

    [Fact]
    public void MissingFolderIsAProblemNotAnException()
    {
        var knowledge = new LocalKnowledgeBase(new KnowledgeLocation(null, null, ["/srv/app"]));
        Assert.False(knowledge.IsAvailable);
        Assert.Contains("/srv/app/knowledge", knowledge.Problem, StringComparison.Ordinal);
        Assert.Empty(knowledge.Search("rollback"));
        Assert.Empty(knowledge.Documents);
    }

    [Fact]
    public void ConfiguredFolderThatDoesNotExistIsNamed()
    {
        var knowledge = new LocalKnowledgeBase(new KnowledgeLocation(null, "/nowhere/docs", []));
        Assert.Contains("/nowhere/docs", knowledge.Problem, StringComparison.Ordinal);
        Assert.Contains("KNOWLEDGE_LOCAL_PATH", knowledge.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void FolderWithoutMarkdownIsAProblem()
    {
        using var folder = KnowledgeFolders.Temp().With("README.md", "# Only a readme").With("x.txt", "text");
        var knowledge = new LocalKnowledgeBase(KnowledgeLocation.At(folder.Path));
        Assert.False(knowledge.IsAvailable);
        Assert.Contains("no Markdown documents", knowledge.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void DocumentsAreReadAtFirstUseNotAtConstruction()
    {
        using var folder = KnowledgeFolders.Temp();
        var knowledge = new LocalKnowledgeBase(KnowledgeLocation.At(folder.Path));
        folder.With("late.md", "# Late\n\nArrived after start-up.");
        Assert.True(knowledge.IsAvailable);
        Assert.Equal("late.md", Assert.Single(knowledge.Documents).File);
    }
}
