using System.Text;
using System.Text.Json;
using ChatOps.LarkBotAdapter.Channels.Lark;
using ChatOps.LarkBotAdapter.Channels.Lark.Rendering;
using ChatOps.LarkBotAdapter.Replies;
using ChatOps.LarkBotAdapter.Tests.Replies;
using Microsoft.Extensions.Time.Testing;

namespace ChatOps.LarkBotAdapter.Tests.Channels.Lark.Rendering;

public sealed class LarkPostRendererTests
{
    [Fact]
    public void PostContentIsOneMdNodeInTheZhCnLocale()
    {
        var content = LarkPostRenderer.ToPostContent(new Segment(0, "All **3** nodes are healthy.", true));

        Assert.Equal("""{"zh_cn":{"content":[[{"tag":"md","text":"All **3** nodes are healthy."}]]}}""", content);
    }

    [Fact]
    public void NonFinalSegmentEndsWithAContinuationMarker()
    {
        Assert.Equal("Part one.\n\n…", MdText(new Segment(0, "Part one.", false)));
        Assert.Equal("Part two.", MdText(new Segment(1, "Part two.", true)));
    }

    [Fact]
    public void HeadingsBecomeBoldLines()
    {
        var markdown = "# Summary\n\nText.\n### Root **cause** ###\n#hashtag stays";

        Assert.Equal("**Summary**\n\nText.\n**Root cause**\n#hashtag stays", MdText(new Segment(0, markdown, true)));
    }

    [Fact]
    public void CodeBlocksAreLeftAloneAndTildeFencesBecomeBackticks()
    {
        var markdown = "~~~python\n# not a heading\n| a | b |\n|---|---|\n~~~\n```bash\n![x](y)\n```";

        Assert.Equal(
            "```python\n# not a heading\n| a | b |\n|---|---|\n```\n```bash\n![x](y)\n```",
            MdText(new Segment(0, markdown, true)));
    }

    [Fact]
    public void TablesBecomeCodeBlocks()
    {
        var markdown = "Nodes:\n| name | cpu |\n|:-----|----:|\n| api-1 | 93% |\n| api-2 | 41% |\n\nDone.";

        Assert.Equal(
            "Nodes:\n```\n| name | cpu |\n|:-----|----:|\n| api-1 | 93% |\n| api-2 | 41% |\n```\n\nDone.",
            MdText(new Segment(0, markdown, true)));
    }

    [Fact]
    public void ImagesBecomeLinksAndRulesBecomeLarkRules()
    {
        var markdown = "See ![latency graph](https://example.com/p99.png \"p99\") and ![](https://example.com/a.png)\n***\nEnd";

        Assert.Equal(
            "See [latency graph](https://example.com/p99.png) and [image](https://example.com/a.png)\n --- \nEnd",
            MdText(new Segment(0, markdown, true)));
    }

    [Fact]
    public void NestedListsAreIndentedByFourSpacesPerLevel()
    {
        var markdown = "1. First\n  - child\n    - grandchild\n2. Second";

        Assert.Equal("1. First\n    - child\n        - grandchild\n2. Second", MdText(new Segment(0, markdown, true)));
    }

    [Fact]
    public void SupportedMarkdownIsPassedThroughWithoutEscaping()
    {
        var markdown = "**bold** *it* ~~gone~~ `code` [link](https://example.com/a_b?x=1&y=2) a <b> c\n> quote\n- a_b_c \\ \"q\"";

        Assert.Equal(markdown, MdText(new Segment(0, markdown, true)));
    }

    [Fact]
    public void AtTagsInTheTextMentionNobody()
    {
        var markdown = "ping <at user_id=\"all\"></at> and <at id=ou_x></at>";

        Assert.Equal("ping <\u200Bat user_id=\"all\"><\u200B/at> and <\u200Bat id=ou_x><\u200B/at>", MdText(new Segment(0, markdown, true)));
    }

    [Fact]
    public void ControlCharactersAndAnsiColoursAreRemoved()
    {
        var markdown = "\u001b[1;31mERROR\u001b[0m disk full\r\n\u0007tab\there\u0000";

        Assert.Equal("ERROR disk full\ntab\there", MdText(new Segment(0, markdown, true)));
    }

    [Fact]
    public void EmojiAndChineseAreWrittenRawNotEscaped()
    {
        var content = LarkPostRenderer.ToPostContent(new Segment(0, "延迟升高 😀👩‍💻", true));

        Assert.Contains("延迟升高 😀👩‍💻", content, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u", content, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"")]
    [InlineData("\\")]
    [InlineData("😀")]
    [InlineData("中")]
    [InlineData("\"\\\n\t😀中 ")]
    [InlineData("\u0001\u001b")]
    [InlineData("|a|\n|-|\n\n")]
    [InlineData("# \"\n")]
    public async Task WorstCaseSegmentsStayUnderLarksPostLimit(string unit)
    {
        var answer = string.Concat(Enumerable.Repeat(unit, 40_000 / unit.Length)) + "end";
        var segments = await new Segmenter(new SegmenterOptions(), new FakeTimeProvider())
            .SegmentAsync(Chunks.Of(Chunks.Random(answer, 1, 5_000))).CollectAsync();

        Assert.NotEmpty(segments);
        foreach (var segment in segments)
        {
            var content = LarkPostRenderer.ToPostContent(segment);
            Assert.True(Encoding.UTF8.GetByteCount(content) < LarkPostRenderer.MaxContentBytes, $"segment {segment.Index} renders too big");
            Assert.False(string.IsNullOrWhiteSpace(MdText(content)));
        }
    }

    [Fact]
    public void TextContentHasTheTextShape()
    {
        var content = LarkPostRenderer.ToTextContent("Sorry, \"that\" failed 😕\nTry again.");

        Assert.Equal("{\"text\":\"Sorry, \\\"that\\\" failed 😕\\nTry again.\"}", content);
        using var document = JsonDocument.Parse(content);
        Assert.Equal("Sorry, \"that\" failed 😕\nTry again.", document.RootElement.GetProperty("text").GetString());
    }

    private static string MdText(Segment segment) => MdText(LarkPostRenderer.ToPostContent(segment));

    private static string MdText(string content)
    {
        using var document = JsonDocument.Parse(content);
        var root = document.RootElement;
        Assert.Equal(JsonValueKind.Object, root.ValueKind);
        var paragraphs = root.GetProperty("zh_cn").GetProperty("content");
        var node = Assert.Single(Assert.Single(paragraphs.EnumerateArray()).EnumerateArray());
        Assert.Equal("md", node.GetProperty("tag").GetString());
        return node.GetProperty("text").GetString()!;
    }
}
