using ChatOps.LarkBotAdapter.Knowledge.Bedrock;

namespace ChatOps.LarkBotAdapter.Tests.Knowledge.Bedrock;

public sealed class CitedAnswerWriterCodeTests
{
    private static readonly KnowledgeReference Runbook = new("S3", "s3://test-runbooks/checkout/restart.md", null);

    private const string Sources = "\n\n**Sources**\n1. restart.md — s3://test-runbooks/checkout/restart.md\n";

    private const string Block = "Restart the pods:\n\n```bash\nkubectl -n shop rollout restart deploy/checkout-api\n```";

    [Fact]
    public void SpanEndingAtAClosingFenceIsMarkedOnTheLineAfterIt()
    {
        var writer = new CitedAnswerWriter(chinese: false);
        var shown = writer.Output(Block);
        shown += writer.Cite(Cited(0, Block));
        shown += writer.Output("\n\nThen watch the error rate.") + writer.Finish();
        Assert.Equal(Block + "\n[1]\n\nThen watch the error rate." + Sources, shown);
    }

    [Fact]
    public void SpanEndingInsideABlockWaitsForTheBlockToClose()
    {
        var writer = new CitedAnswerWriter(chinese: false);
        var shown = writer.Output("```bash\nkubectl get pods\n");
        shown += writer.Cite(new KnowledgeCitation(0, 23, null, [Runbook]));
        Assert.DoesNotContain("[1]", shown, StringComparison.Ordinal);
        shown += writer.Output("kubectl logs x\n``");
        Assert.DoesNotContain("[1]", shown, StringComparison.Ordinal);
        shown += writer.Output("`\nDone.") + writer.Finish();
        Assert.Equal("```bash\nkubectl get pods\nkubectl logs x\n```\n[1]\nDone." + Sources, shown);
    }

    [Fact]
    public void AClosingFenceWhoseLineIsNotFinishedHoldsTheMarker()
    {
        var writer = new CitedAnswerWriter(chinese: false);
        var shown = writer.Output("Steps:\n```\nmake deploy\n```");
        shown += writer.Cite(new KnowledgeCitation(0, null, null, [Runbook]));
        Assert.Equal("Steps:\n```\nmake deploy\n```", shown);
        shown += writer.Finish();
        Assert.Equal("Steps:\n```\nmake deploy\n```\n[1]" + Sources, shown);
    }

    [Fact]
    public void TildeFencesAndFencesInListItemsAreBlocksToo()
    {
        const string text = "1. Drain the node:\n   ~~~sh\n   kubectl drain node-7\n   ~~~\n2. Cordon it.";
        var writer = new CitedAnswerWriter(chinese: false);
        var shown = writer.Output(text[..text.IndexOf("2.", StringComparison.Ordinal)]);
        shown += writer.Cite(new KnowledgeCitation(0, 38, null, [Runbook]));
        shown += writer.Output("2. Cordon it.") + writer.Finish();
        Assert.Equal("1. Drain the node:\n   ~~~sh\n   kubectl drain node-7\n   ~~~\n[1]\n2. Cordon it." + Sources, shown);
    }

    [Fact]
    public void MarkerInsideInlineCodeGoesAfterTheSpan()
    {
        var writer = new CitedAnswerWriter(chinese: false);
        var shown = writer.Output("Run `kubectl get pods");
        shown += writer.Cite(new KnowledgeCitation(0, 15, null, [Runbook]));
        Assert.Equal("Run `kubectl get pods", shown);
        shown += writer.Output(" -A` to list them.") + writer.Finish();
        Assert.Equal("Run `kubectl get pods -A`[1] to list them." + Sources, shown);
    }

    [Fact]
    public void UnmatchedBacktickIsLiteralOnceTheLineEnds()
    {
        var writer = new CitedAnswerWriter(chinese: false);
        var shown = writer.Output("The ` key");
        shown += writer.Cite(new KnowledgeCitation(0, 8, null, [Runbook]));
        shown += writer.Output(" toggles it.\nNext.") + writer.Finish();
        Assert.Equal("The ` key[1] toggles it.\nNext." + Sources, shown);
    }

    [Fact]
    public void AnswerEndingInsideABlockIsClosedBeforeItsMarkerAndTheSources()
    {
        var writer = new CitedAnswerWriter(chinese: false);
        var shown = writer.Output("```yaml\nreplicas: 3\n");
        shown += writer.Cite(new KnowledgeCitation(0, 19, null, [Runbook]));
        shown += writer.Finish();
        Assert.Equal("```yaml\nreplicas: 3\n```\n[1]" + Sources, shown);
    }

    [Fact]
    public void CloseOpenBlockClosesWhatTheShownTextLeftOpen()
    {
        var writer = new CitedAnswerWriter(chinese: false);
        writer.Output("Do this:\n  ````\n  make\n");
        Assert.Equal("\n  ````", writer.CloseOpenBlock());
        var closed = new CitedAnswerWriter(chinese: false);
        closed.Output("```\nmake\n```\n");
        Assert.Equal(string.Empty, closed.CloseOpenBlock());
    }

    public static TheoryData<int> ChunkSizes() => [1, 2, 3, 5, 7, 11, 16, 40, 1000];

    [Theory]
    [MemberData(nameof(ChunkSizes))]
    public void EverySpanEndOfACodeHeavyAnswerIsMarkedOutsideCode(int chunkSize)
    {
        const string answer =
            "Check the pods with `kubectl get pods -n shop`. If one is stuck:\n\n" +
            "```bash\nkubectl -n shop delete pod checkout-api-7d9\n```\n\n" +
            "Then roll out:\n\n  ~~~\n  kubectl rollout restart deploy/checkout-api\n  ~~~\n" +
            "- Watch ``the `rollout` status`` for two minutes.\n" +
            "```\nexit 0\n```";
        for (var end = 0; end < answer.Length; end += 3)
        {
            var writer = new CitedAnswerWriter(chinese: false);
            var shown = "";
            var cited = false;
            for (var i = 0; i < answer.Length; i += chunkSize)
            {
                shown += writer.Output(answer.Substring(i, Math.Min(chunkSize, answer.Length - i)));
                if (!cited && i + chunkSize > end)
                {
                    // Bedrock sends the citation after the text it cites.
                    shown += writer.Cite(new KnowledgeCitation(0, end, null, [Runbook]));
                    cited = true;
                }
            }
            shown += writer.Finish();
            MarkdownChecks.AssertMarkersRenderAsText(shown);
            Assert.Contains("[1]", shown, StringComparison.Ordinal);
            Assert.Equal(answer.Replace("\n", "", StringComparison.Ordinal), shown[..shown.IndexOf("\n\n**Sources**", StringComparison.Ordinal)]
                .Replace("[1]", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal));
        }
    }

    private static KnowledgeCitation Cited(int start, string text) => new(start, start + text.Length - 1, text, [Runbook]);
}
