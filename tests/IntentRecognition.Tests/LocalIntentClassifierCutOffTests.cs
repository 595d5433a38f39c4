using ChatOps.IntentRecognition.Model;

namespace ChatOps.IntentRecognition.Tests;

/// <summary>Where the ops route begins: the most probable route at <see cref="IntentDecision.AwsThreshold"/> or more,
/// with a clear win (<see cref="IntentDecision.ClearWin"/>) when the question asks for documents or its only ops words
/// are everyday ones, unless it names something of ours. A tiny model
/// trained here puts the sentences where each rule applies; the scores are asserted first, so a retrained tiny model
/// that moved them fails loudly instead of passing by accident.</summary>
public sealed class LocalIntentClassifierCutOffTests
{
    private static readonly Lazy<IntentModel> Model = new(() => IntentModel.Train(
    [
        new(Intent.AwsOps, "restart the quorvex workers in prod"),
        new(Intent.AwsOps, "restart the quorvex workers"),
        new(Intent.AwsOps, "is the quorvex cluster healthy"),
        new(Intent.KnowledgeBase, "what does the runbook say about escalation"),
        new(Intent.KnowledgeBase, "where is the on-call policy written down"),
        new(Intent.KnowledgeBase, "according to the runbook who approves"),
        new(Intent.OffTopic, "tell me a joke about cats"),
        new(Intent.OffTopic, "what should I cook for dinner tonight"),
        new(Intent.OffTopic, "who won the football match"),
    ]));

    private readonly LocalIntentClassifier classifier = new(null, null, () => Model.Value);

    [Fact]
    public void AnOpsQuestionTheModelPrefersAtAboveTheThresholdIsAwsOps()
    {
        const string text = "where is the cluster in prod";
        var scores = Model.Value.Predict(text);
        Assert.True(scores.Best() == Intent.AwsOps && scores.AwsOps is >= IntentDecision.AwsThreshold and < 0.6, $"aws_ops {scores.AwsOps:0.00}");

        Assert.Equal(Intent.AwsOps, classifier.Classify(IntentRequest.Single(text)).Intent);
    }

    [Fact]
    public void AQuestionThatAsksForDocumentsNeedsAClearWinForAwsOps()
    {
        const string text = "according to the runbook restart the quorvex workers";
        var scores = Model.Value.Predict(text);
        Assert.True(scores.Best() == Intent.AwsOps && scores.AwsOps < IntentDecision.ClearWin, $"aws_ops {scores.AwsOps:0.00}");

        Assert.Equal(Intent.KnowledgeBase, classifier.Classify(IntentRequest.Single(text)).Intent);
    }

    [Theory]
    [InlineData("restart the quorvex workers per the runbook")]
    [InlineData("restart the quorvex workers in the cluster")]
    public void AClearWinKeepsTheOpsRouteWithOrWithoutADocumentWord(string text)
    {
        Assert.True(Model.Value.Predict(text).AwsOps >= IntentDecision.ClearWin);

        Assert.Equal(Intent.AwsOps, classifier.Classify(IntentRequest.Single(text)).Intent);
    }

    [Fact]
    public void EverydayOpsWordsAloneNeedAClearWin()
    {
        // "cluster" is also grapes and stars: without a clear win, the question must say whose cluster.
        const string text = "where are the cluster workers";
        var scores = Model.Value.Predict(text);
        Assert.True(scores.Best() == Intent.AwsOps && scores.AwsOps < IntentDecision.ClearWin, $"aws_ops {scores.AwsOps:0.00}");

        Assert.NotEqual(Intent.AwsOps, classifier.Classify(IntentRequest.Single(text)).Intent);
    }

    [Theory]
    [InlineData("where are our cluster workers")]
    [InlineData("where are the eks cluster workers")]
    public void AnEverydayOpsWordSaidOfOursOrBesideAServiceKeepsTheOpsRoute(string text)
    {
        var scores = Model.Value.Predict(text);
        Assert.True(scores.Best() == Intent.AwsOps && scores.AwsOps < IntentDecision.ClearWin, $"aws_ops {scores.AwsOps:0.00}");

        Assert.Equal(Intent.AwsOps, classifier.Classify(IntentRequest.Single(text)).Intent);
    }

    // A question that names a document ("the postmortem", "the deploy doc", 文档) is answered by it unless the model is all but
    // certain (DocumentWin) or a resource id says it is about a running thing.
    [Fact]
    public void AQuestionThatNamesADocumentNeedsMoreThanAClearWinForAwsOps()
    {
        const string text = "who approves the quorvex cluster postmortem";
        var scores = Model.Value.Predict(text);
        Assert.True(scores.Best() == Intent.AwsOps && scores.AwsOps is >= IntentDecision.ClearWin and < IntentDecision.DocumentWin, $"aws_ops {scores.AwsOps:0.00}");

        Assert.Equal(Intent.KnowledgeBase, classifier.Classify(IntentRequest.Single(text)).Intent);
    }

    [Fact]
    public void AQuestionThatNamesADocumentAndAResourceIdKeepsTheOpsRoute()
    {
        const string text = "who approves the quorvex cluster postmortem on i-0a1b2c3d4e5f67890";
        Assert.True(Model.Value.Predict(text).AwsOps < IntentDecision.DocumentWin, "below DocumentWin, so the resource id decides");

        Assert.Equal(Intent.AwsOps, classifier.Classify(IntentRequest.Single(text)).Intent);
    }
}
