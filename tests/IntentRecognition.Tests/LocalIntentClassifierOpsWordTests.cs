using ChatOps.IntentRecognition.Model;

namespace ChatOps.IntentRecognition.Tests;

/// <summary>The ops route needs a word of the ops lexicon or a resource id, whatever the model says: a model that has
/// learned an ops frame ("is the … still going end to end?") must not send chat with that frame and no ops word to the
/// AWS CLI. A tiny model trained here makes the frame alone score high.</summary>
public sealed class LocalIntentClassifierOpsWordTests
{
    private static readonly Lazy<IntentModel> FrameModel = new(() => IntentModel.Train(
    [
        new(Intent.AwsOps, "is the quorbix still going end to end"),
        new(Intent.AwsOps, "is the vantrel still going end to end"),
        new(Intent.AwsOps, "is the plimbo still going end to end right"),
        new(Intent.AwsOps, "still going end to end"),
        new(Intent.KnowledgeBase, "what does the runbook say about escalation"),
        new(Intent.KnowledgeBase, "who approves a change request"),
        new(Intent.KnowledgeBase, "where is the on-call policy written down"),
        new(Intent.OffTopic, "tell me a joke about cats"),
        new(Intent.OffTopic, "what should I cook for dinner tonight"),
        new(Intent.OffTopic, "who won the football match"),
    ]));

    private readonly LocalIntentClassifier classifier = new(null, null, () => FrameModel.Value);

    [Theory]
    [InlineData("is the zandorf still going end to end")]
    [InlineData("is the old tram still going end to end")]
    public void AnOpsFrameWithNoOpsWordIsNotAwsOps(string text)
    {
        Assert.True(FrameModel.Value.Predict(text).AwsOps >= IntentDecision.AwsThreshold, "the frame alone should score high");

        var result = classifier.Classify(IntentRequest.Single(text));

        Assert.NotEqual(Intent.AwsOps, result.Intent);
    }

    // Time and question-frame words ("right now", "today", "how many", "status") are how anyone asks about anything live:
    // the bakery, the trains, the price of eggs. They do not name something the team operates.
    [Theory]
    [InlineData("is the bakery still going end to end right now")]
    [InlineData("is the canal boat still going end to end today, how many")]
    [InlineData("what is the status, is the barge still going end to end this month")]
    [InlineData("快递 still going end to end，正常吗")]
    [InlineData("快递 3点以后 still going end to end")]
    public void AnOpsFrameWithOnlyTimeOrQuestionWordsIsNotAwsOps(string text)
    {
        Assert.True(FrameModel.Value.Predict(text).AwsOps >= IntentDecision.AwsThreshold, "the frame alone should score high");

        Assert.NotEqual(Intent.AwsOps, classifier.Classify(IntentRequest.Single(text)).Intent);
    }

    [Theory]
    [InlineData("is the zandorf latency still going end to end right now")]
    [InlineData("is the zandorf cluster still going end to end")]
    [InlineData("is the zandorf still going end to end in prod")]
    [InlineData("is i-0a1b2c3d4e5f67890 still going end to end")]
    [InlineData("is ip-10-4-2-77 still going end to end")]
    [InlineData("zandorf 集群 still going end to end")]
    public void AnOpsWordOrAResourceIdKeepsTheOpsRoute(string text) =>
        Assert.Equal(Intent.AwsOps, classifier.Classify(IntentRequest.Single(text)).Intent);
}
