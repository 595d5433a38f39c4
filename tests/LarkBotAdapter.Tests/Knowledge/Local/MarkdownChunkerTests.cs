using ChatOps.LarkBotAdapter.Knowledge.Local;

namespace ChatOps.LarkBotAdapter.Tests.Knowledge.Local;

public sealed class MarkdownChunkerTests
{
    private const string Runbook = """
        # Queue runbook

        Intro line.

        ## Backlog

        ### Drain

        1. Stop the producers.
        2. Watch the depth:

           ```bash
           # not a heading: a shell comment
           watch -n5 queue-depth

           queue-depth --all
           ```

        3. Start them again.

        ## Empty section

        ## Purge
        Purge text.
        """;

    [Fact]
    public void HeadingPathsFollowTheNesting()
    {
        var chunks = MarkdownChunker.Split("runbooks/queue.md", Runbook);
        Assert.Equal(
            ["Queue runbook", "Queue runbook › Backlog › Drain", "Queue runbook › Purge"],
            chunks.Select(c => c.Heading));
        Assert.Equal("runbooks/queue.md › Backlog › Drain", chunks[1].Citation);
        Assert.Equal("runbooks/queue.md › Queue runbook", chunks[0].Citation);
    }

    [Fact]
    public void CodeBlockWithHeadingLikeLinesAndBlankLinesStaysInOnePassage()
    {
        var drain = MarkdownChunker.Split("q.md", Runbook).Single(c => c.Heading.EndsWith("Drain", StringComparison.Ordinal));
        Assert.Contains("""
               ```bash
               # not a heading: a shell comment
               watch -n5 queue-depth

               queue-depth --all
               ```
            """, drain.Text, StringComparison.Ordinal);
        Assert.StartsWith("1. Stop the producers.", drain.Text, StringComparison.Ordinal);
        Assert.EndsWith("3. Start them again.", drain.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void LongSectionIsSplitAtParagraphsUnderTheCap()
    {
        var paragraphs = Enumerable.Range(1, 12).Select(i => $"Paragraph {i}: " + new string('x', 80)).ToArray();
        var chunks = MarkdownChunker.Split("long.md", "# Long\n\n## Part\n\n" + string.Join("\n\n", paragraphs), maxChars: 300);
        Assert.True(chunks.Count > 3);
        Assert.All(chunks, c => Assert.True(c.Text.Length <= 300, $"{c.Text.Length} chars"));
        Assert.All(chunks, c => Assert.Equal("Long › Part", c.Heading));
        Assert.Equal(Enumerable.Range(0, chunks.Count), chunks.Select(c => c.Part));
        Assert.Equal(paragraphs, chunks.SelectMany(c => c.Text.Split("\n\n")));
    }

    [Fact]
    public void OversizedCodeBlockIsNeverCut()
    {
        var code = "```sql\n" + string.Join("\n\n", Enumerable.Range(1, 40).Select(i => $"SELECT {i};")) + "\n```";
        var chunks = MarkdownChunker.Split("db.md", $"# DB\n\nBefore.\n\n{code}\n\nAfter.", maxChars: 100);
        Assert.Single(chunks, c => c.Text == code);
        Assert.Equal(["Before.", code, "After."], chunks.Select(c => c.Text));
    }

    [Fact]
    public void DocumentWithoutTitleUsesItsFileName()
    {
        var chunks = MarkdownChunker.Split("notes/disk-full.md", "Free space first.\n\n## Logs\nRotate them.");
        Assert.Equal(["disk-full", "disk-full › Logs"], chunks.Select(c => c.Heading));
        Assert.Equal("disk-full", MarkdownChunker.TitleOf("notes/disk-full.md", "```\n# not a title\n```\ntext"));
    }

    [Fact]
    public void TildeFencesAndClosingHashesAreHandled()
    {
        var chunks = MarkdownChunker.Split("t.md", "# T #\n\n## Step ##\n\n~~~\n## inside\n~~~\n");
        var chunk = Assert.Single(chunks);
        Assert.Equal("T › Step", chunk.Heading);
        Assert.Equal("~~~\n## inside\n~~~", chunk.Text);
    }

    [Fact]
    public void BundledDocumentsKeepEveryCodeBlockWhole()
    {
        var folder = KnowledgeFolders.RepositoryKnowledge;
        var chunks = KnowledgeFolders.BundledBase.Index.Chunks;
        var total = 0;
        foreach (var document in KnowledgeFolders.BundledBase.Documents)
        {
            var source = File.ReadAllText(Path.Combine(folder, document.File)).ReplaceLineEndings("\n");
            var blocks = CodeBlocks(source);
            total += blocks.Count;
            var texts = chunks.Where(c => c.File == document.File).Select(c => c.Text).ToArray();
            Assert.All(blocks, block => Assert.Contains(texts, t => t.Contains(block, StringComparison.Ordinal)));
        }
        Assert.True(total > 20, $"{total} code blocks");
    }

    // Every fenced block of a file, fence lines included, trailing spaces trimmed like the chunker does.
    private static List<string> CodeBlocks(string markdown)
    {
        var blocks = new List<string>();
        List<string>? open = null;
        foreach (var line in markdown.Split('\n').Select(l => l.TrimEnd()))
        {
            var fence = line.TrimStart().StartsWith("```", StringComparison.Ordinal);
            if (open is null && fence)
            {
                open = [line];
            }
            else if (open is not null)
            {
                open.Add(line);
                if (fence)
                {
                    blocks.Add(string.Join('\n', open));
                    open = null;
                }
            }
        }
        return blocks;
    }
}
