using System.Text;
using ChatOps.LarkBotAdapter.Replies;
using Microsoft.Extensions.Time.Testing;

namespace ChatOps.LarkBotAdapter.Tests.Replies;

public sealed partial class SegmenterTests
{
    private static readonly SegmenterOptions Defaults = new();

    private static Segmenter NewSegmenter(SegmenterOptions? options = null) =>
        new(options ?? Defaults, new FakeTimeProvider());

    [Theory]
    [InlineData(1, 8)]
    [InlineData(2, 64)]
    [InlineData(3, 700)]
    [InlineData(4, 5_000)]
    public async Task TwentyKilobyteAnswerInRandomChunksBecomesWellFormedSegments(int seed, int maxChunk)
    {
        var answer = AnswerCorpus.Build();
        Assert.InRange(answer.Length, 20_000, 24_000);

        var segments = await NewSegmenter().SegmentAsync(Chunks.Of(Chunks.Random(answer, seed, maxChunk))).CollectAsync();

        Assert.InRange(segments.Count, 6, 20);
        SegmentChecks.AssertWellFormed(answer, segments, Defaults);
        Assert.All(segments[..^1], s => Assert.True(s.Markdown.Length >= Defaults.MinChars / 2, $"tiny segment {s.Index}"));
        Assert.Contains(segments, s => s.Markdown.StartsWith("```python\n", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WholeAnswerInOneChunkBecomesWellFormedSegments()
    {
        var answer = AnswerCorpus.Build(seed: 11);

        var segments = await NewSegmenter().SegmentAsync(Chunks.Of(answer)).CollectAsync();

        SegmentChecks.AssertWellFormed(answer, segments, Defaults);
        Assert.All(segments[..^1], s => Assert.True(s.Markdown.Length > Defaults.MaxChars / 3, $"small segment {s.Index}"));
    }

    [Fact]
    public async Task HugeCodeBlockIsSplitWithItsFenceReopened()
    {
        var block = AnswerCorpus.CodeBlock("bash", 12_000, "kubectl get pods -n payments -o wide");
        var answer = "Run these:\n\n" + block + "\n\nThat is all.";

        var segments = await NewSegmenter().SegmentAsync(Chunks.Of(Chunks.Random(answer, 5, 100))).CollectAsync();

        SegmentChecks.AssertWellFormed(answer, segments, Defaults);
        Assert.True(segments.Count >= 4);
        Assert.All(segments.Skip(1).SkipLast(1), s => Assert.StartsWith("```bash\n", s.Markdown, StringComparison.Ordinal));
        Assert.All(segments.SkipLast(1), s => Assert.EndsWith("\n```", s.Markdown, StringComparison.Ordinal));
        var code = segments.SelectMany(s => s.Markdown.Split('\n')).Where(l => l.StartsWith("kubectl", StringComparison.Ordinal));
        Assert.Equal(block.Split('\n')[1..^1], code);
    }

    [Fact]
    public async Task SurrogatePairsAreNeverSplit()
    {
        var answer = string.Concat(Enumerable.Repeat("😀🚀👩‍💻", 1_500)); // one 12,000-char "word"

        var segments = await NewSegmenter().SegmentAsync(Chunks.Of(Chunks.Random(answer, 9, 3))).CollectAsync();

        Assert.True(segments.Count >= 3);
        Assert.All(segments, s => Assert.True(SegmentChecks.IsWellFormedUtf16(s.Markdown)));
        Assert.Equal(answer, string.Concat(segments.Select(s => s.Markdown)));
        Assert.All(segments, s => Assert.InRange(s.Markdown.Length, Defaults.MaxChars / 2, Defaults.MaxChars));
        Assert.Equal([.. Enumerable.Repeat(false, segments.Count - 1), true], segments.Select(s => s.IsFinal));
    }

    [Fact]
    public async Task CombiningSequencesAreNotSplit()
    {
        var answer = string.Concat(Enumerable.Repeat("e\u0301a\u0308", 2_000));

        var segments = await NewSegmenter().SegmentAsync(Chunks.Of(Chunks.Random(answer, 4, 7))).CollectAsync();

        Assert.True(segments.Count >= 2);
        Assert.Equal(answer, string.Concat(segments.Select(s => s.Markdown)));
        Assert.All(segments, s => Assert.True(s.Markdown[0] is 'e' or 'a'));
    }

    [Fact]
    public async Task ChineseWithoutSpacesIsCutAtSentenceEnds()
    {
        var answer = string.Concat(Enumerable.Repeat("数据库连接池已经耗尽，请按照运行手册执行第三步。", 400));

        var segments = await NewSegmenter().SegmentAsync(Chunks.Of(Chunks.Random(answer, 8, 50))).CollectAsync();

        Assert.True(segments.Count >= 3);
        Assert.All(segments, s => Assert.EndsWith("。", s.Markdown, StringComparison.Ordinal));
        SegmentChecks.AssertWellFormed(answer, segments, Defaults);
    }

    [Fact]
    public async Task ByteCapLimitsSegmentsOfWideCharacters()
    {
        var answer = string.Join(' ', Enumerable.Repeat("延迟升高😀", 3_000));

        var segments = await NewSegmenter().SegmentAsync(Chunks.Of(answer)).CollectAsync();

        Assert.All(segments, s => Assert.True(Encoding.UTF8.GetByteCount(s.Markdown) <= Defaults.MaxUtf8Bytes));
        Assert.Contains(segments, s => Encoding.UTF8.GetByteCount(s.Markdown) > Defaults.MaxUtf8Bytes / 2);
        SegmentChecks.AssertWellFormed(answer, segments, Defaults);
    }

    [Fact]
    public async Task EmptyStreamYieldsNothing()
    {
        Assert.Empty(await NewSegmenter().SegmentAsync(Chunks.Of()).CollectAsync());
        Assert.Empty(await NewSegmenter().SegmentAsync(Chunks.Of(string.Empty, "  \n", "\n\n\t")).CollectAsync());
    }

    [Fact]
    public async Task ShortAnswerIsOneTrimmedFinalSegment()
    {
        var segments = await NewSegmenter().SegmentAsync(Chunks.Of("\n\nAll ", "three nodes are ", "healthy. ✅\n\n")).CollectAsync();

        var segment = Assert.Single(segments);
        Assert.Equal(new Segment(0, "All three nodes are healthy. ✅", true), segment);
    }

    [Fact]
    public async Task SegmentIsCutAtTheFirstParagraphEndAfterMinChars()
    {
        var options = new SegmenterOptions { MinChars = 40, MaxChars = 200 };
        string[] chunks = ["First paragraph is short.\n\n", "Second paragraph makes it long enough.\n", "\nThird one."];

        var segments = await NewSegmenter(options).SegmentAsync(Chunks.Of(chunks)).CollectAsync();

        Assert.Equal(
            [
                new Segment(0, "First paragraph is short.\n\nSecond paragraph makes it long enough.", false),
                new Segment(1, "Third one.", true),
            ],
            segments);
    }

    [Fact]
    public async Task SegmentReadyWhenTheStreamEndsIsTheFinalOne()
    {
        var options = new SegmenterOptions { MinChars = 10, MaxChars = 200 };

        var segments = await NewSegmenter(options).SegmentAsync(Chunks.Of("One paragraph.\n\n", "Two paragraph.\n\n", "  \n")).CollectAsync();

        Assert.Equal([new Segment(0, "One paragraph.", false), new Segment(1, "Two paragraph.", true)], segments);
    }

    [Fact]
    public async Task SourceFailureYieldsReceivedTextThenRethrows()
    {
        var failure = new InvalidOperationException("proxy connection reset");
        var options = new SegmenterOptions { MinChars = 20, MaxChars = 200 };
        var source = Chunks.ThenThrow(failure, "Checked the first cluster.\n\n", "Now checking the sec");
        var received = new List<Segment>();

        var thrown = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await foreach (var segment in NewSegmenter(options).SegmentAsync(source))
            {
                received.Add(segment);
            }
        });

        Assert.Same(failure, thrown);
        Assert.Equal([new Segment(0, "Checked the first cluster.", false), new Segment(1, "Now checking the sec", false)], received);
    }

    [Fact]
    public async Task CancellationStopsTheSegmenter()
    {
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => NewSegmenter().SegmentAsync(Chunks.Of("text"), cancellation.Token).CollectAsync());
    }

    [Fact]
    public async Task LongStreamOfTinyChunksIsSegmentedCompletely()
    {
        var answer = string.Concat(Enumerable.Range(0, 12).Select(i => AnswerCorpus.Build(seed: i) + "\n"));

        var segments = await NewSegmenter().SegmentAsync(Chunks.Of(Chunks.Random(answer, 12, 4))).CollectAsync();

        Assert.True(answer.Length > 240_000);
        SegmentChecks.AssertWellFormed(answer, segments, Defaults);
    }

    [Fact]
    public void InvalidOptionsAreRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => NewSegmenter(new SegmenterOptions { MinChars = 5_000 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => NewSegmenter(new SegmenterOptions { QuietPeriod = TimeSpan.Zero }));
        Assert.Throws<ArgumentOutOfRangeException>(() => NewSegmenter(new SegmenterOptions { MaxUtf8Bytes = 10 }));
    }
}
