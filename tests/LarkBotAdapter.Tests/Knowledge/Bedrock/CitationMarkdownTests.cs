using System.Text.Json;
using ChatOps.LarkBotAdapter.Channels.Lark;
using ChatOps.LarkBotAdapter.Channels.Lark.Rendering;
using ChatOps.LarkBotAdapter.Channels.Slack;
using ChatOps.LarkBotAdapter.Channels.Slack.Rendering;
using ChatOps.LarkBotAdapter.Replies;
using ChatOps.TestKit.Bedrock;
using static ChatOps.TestKit.Bedrock.FakeKnowledgeAnswer;

namespace ChatOps.LarkBotAdapter.Tests.Knowledge.Bedrock;

/// <summary>Cited answers with code blocks, from the loopback Agent Runtime's real citation spans to what Lark and Slack show.</summary>
public sealed class CitationMarkdownTests : IAsyncLifetime
{
    private const string Restart = "s3://test-runbooks/checkout/restart.md";
    private KnowledgeHost _host = null!;

    // The second part's span (generatedResponsePart.textResponsePart.span) ends on the closing fence.
    private static FakeKnowledgeAnswer WithCode => Of(
        Part("Roll back checkout-api first.\n\n", FakeSource.S3(Restart)),
        Part("```bash\nkubectl argo rollouts undo checkout-api -n checkout\nkubectl argo rollouts status checkout-api -n checkout\n```",
            FakeSource.S3("s3://test-runbooks/checkout/rollback.md")),
        Part("\n\nThen watch the 5xx rate for ten minutes."));

    private const string Shown =
        "Roll back checkout-api first.[1]\n\n" +
        "```bash\nkubectl argo rollouts undo checkout-api -n checkout\nkubectl argo rollouts status checkout-api -n checkout\n```\n[2]\n\n" +
        "Then watch the 5xx rate for ten minutes.\n\n" +
        "**Sources**\n1. restart.md — s3://test-runbooks/checkout/restart.md\n2. rollback.md — s3://test-runbooks/checkout/rollback.md\n";

    public async Task InitializeAsync() => _host = await KnowledgeHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(16)]
    public async Task StreamedMarkerForACodeBlockGoesAfterItsClosingFence(int chunkSize)
    {
        _host.Fake.Enqueue(FakeKnowledgeOutcome.Answering(WithCode with { ChunkSize = chunkSize }));
        var answer = string.Concat(await _host.AskAsync(KnowledgeHost.Request("How do I roll back checkout?")));
        Assert.Equal(Shown, answer);
        MarkdownChecks.AssertMarkersRenderAsText(answer);
    }

    [Fact]
    public async Task SpanEndingInsideACodeBlockIsMarkedAfterTheBlock()
    {
        // Bedrock cites the first command only: the span ends inside the block, on a code line.
        _host.Fake.Enqueue(FakeKnowledgeOutcome.Answering(Of(
            Part("Undo the rollout:\n\n~~~sh\nkubectl argo rollouts undo checkout-api -n checkout\n", FakeSource.S3(Restart)),
            Part("kubectl argo rollouts status checkout-api -n checkout\n~~~\nIt takes about two minutes.")) with { ChunkSize = 6 }));
        var answer = string.Concat(await _host.AskAsync(KnowledgeHost.Request("How do I roll back checkout?")));
        Assert.StartsWith(
            "Undo the rollout:\n\n~~~sh\nkubectl argo rollouts undo checkout-api -n checkout\nkubectl argo rollouts status checkout-api -n checkout\n~~~\n[1]\n" +
            "It takes about two minutes.\n\n**Sources**\n1. restart.md", answer, StringComparison.Ordinal);
        MarkdownChecks.AssertMarkersRenderAsText(answer);
    }

    [Fact]
    public async Task WholeAnswerMarkerForACodeBlockGoesAfterItsClosingFence()
    {
        await using var host = await KnowledgeHost.StartAsync(s => s["KNOWLEDGE_STREAMING"] = "false");
        host.Fake.Enqueue(FakeKnowledgeOutcome.Answering(WithCode with { ExclusiveSpanEnds = true }));
        Assert.Equal(Shown, string.Concat(await host.AskAsync(KnowledgeHost.Request("How do I roll back checkout?"))));
    }

    [Fact]
    public async Task SegmentedLarkPostsAndSlackMessagesKeepTheMarkersOutOfCode()
    {
        _host.Fake.Enqueue(FakeKnowledgeOutcome.Answering(WithCode with { ChunkSize = 5 }));
        var chunks = await _host.AskAsync(KnowledgeHost.Request("How do I roll back checkout?"));
        var segmenter = new Segmenter(new SegmenterOptions { MinChars = 40, MaxChars = 200 }, TimeProvider.System);
        var segments = new List<Segment>();
        await foreach (var segment in segmenter.SegmentAsync(Replay(chunks)))
        {
            segments.Add(segment);
        }
        Assert.True(segments.Count > 1, "the answer should take several segments");
        foreach (var segment in segments)
        {
            var post = JsonDocument.Parse(LarkPostRenderer.ToPostContent(segment)).RootElement;
            var md = post.GetProperty("zh_cn").GetProperty("content")[0][0].GetProperty("text").GetString()!;
            MarkdownChecks.AssertMarkersRenderAsText(md);
            MarkdownChecks.AssertMarkersRenderAsText(SlackMrkdwn.Convert(segment.Markdown));
        }
        var all = string.Join("\n", segments.Select(s => s.Markdown));
        Assert.Contains("```\n[2]", all, StringComparison.Ordinal);
        Assert.Contains("[2]", SlackMrkdwn.Convert(all), StringComparison.Ordinal);
    }

    private static async IAsyncEnumerable<string> Replay(List<string> chunks)
    {
        foreach (var chunk in chunks)
        {
            await Task.Yield();
            yield return chunk;
        }
    }
}
