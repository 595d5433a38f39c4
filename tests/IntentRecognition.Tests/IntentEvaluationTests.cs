using ChatOps.IntentRecognition.Evaluation;

namespace ChatOps.IntentRecognition.Tests;

public sealed class IntentEvaluationTests
{
    [Fact]
    public void PrecisionRecallAndRatesComeFromTheConfusionMatrix()
    {
        var evaluation = new IntentEvaluation();
        evaluation.Add(Intent.AwsOps, Intent.AwsOps, TimeSpan.FromMilliseconds(10), new TokenUsage(400, 40));
        evaluation.Add(Intent.AwsOps, Intent.KnowledgeBase, TimeSpan.FromMilliseconds(20), new TokenUsage(400, 40));
        evaluation.Add(Intent.OffTopic, Intent.AwsOps, TimeSpan.FromMilliseconds(30), new TokenUsage(400, 40));
        evaluation.Add(Intent.KnowledgeBase, null, TimeSpan.FromMilliseconds(1000));

        Assert.Equal(0.25, evaluation.Accuracy);
        Assert.Equal(0.5, evaluation.Precision(Intent.AwsOps));
        Assert.Equal(0.5, evaluation.Recall(Intent.AwsOps));
        Assert.Equal(1.0, evaluation.Rate(Intent.OffTopic, Intent.AwsOps));
        Assert.Equal(0, evaluation.Recall(Intent.KnowledgeBase));
        Assert.Equal(1, evaluation.Errors);
        Assert.Equal(TimeSpan.FromMilliseconds(20), evaluation.Latency(50));
        Assert.Equal(TimeSpan.FromMilliseconds(1000), evaluation.Latency(99));
    }

    [Fact]
    public void ReportShowsTokensPerThousandQuestionsAndTheirCost()
    {
        var evaluation = new IntentEvaluation();
        evaluation.Add(Intent.AwsOps, Intent.AwsOps, TimeSpan.FromMilliseconds(5), new TokenUsage(500, 50));
        evaluation.Add(Intent.OffTopic, Intent.OffTopic, TimeSpan.FromMilliseconds(5), new TokenUsage(300, 30));

        var priced = evaluation.Format(ModelPrice.For("us.amazon.nova-micro-v1:0"));
        var unpriced = evaluation.Format();

        Assert.Contains("400000 input + 40000 output", priced, StringComparison.Ordinal);
        // 400,000 × $0.035/M + 40,000 × $0.14/M = $0.014 + $0.0056
        Assert.Contains("$0.0196", priced, StringComparison.Ordinal);
        Assert.Contains("price unknown", unpriced, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("us.anthropic.claude-3-5-haiku-20241022-v1:0", "anthropic.claude-3-5-haiku")]
    [InlineData("anthropic.claude-3-haiku-20240307-v1:0", "anthropic.claude-3-haiku")]
    [InlineData("eu.amazon.nova-lite-v1:0", "amazon.nova-lite")]
    [InlineData("some.unknown-model-v1:0", null)]
    public void PriceIsFoundByModelFamily(string modelId, string? family) =>
        Assert.Equal(family, ModelPrice.For(modelId)?.Model);
}
