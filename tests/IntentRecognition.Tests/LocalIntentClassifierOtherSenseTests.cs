using ChatOps.IntentRecognition.Local;
using ChatOps.IntentRecognition.Model;

namespace ChatOps.IntentRecognition.Tests;

/// <summary>An ops word next to a word of another domain (a car, the weather, a programming language's syntax, a stock
/// price, the river) is used in that other sense: the message never reaches the AWS CLI unless it names a resource id,
/// and a knowledge answer the model is unsure of becomes off-topic unless the message asks for documents. A tiny model
/// trained here makes the ops frame score high whatever the noun is.</summary>
public sealed class LocalIntentClassifierOtherSenseTests
{
    private static readonly Lazy<IntentModel> FrameModel = new(() => IntentModel.Train(
    [
        new(Intent.AwsOps, "is the lambda still going end to end"),
        new(Intent.AwsOps, "is the s3 still going end to end"),
        new(Intent.AwsOps, "is the cluster still going end to end right"),
        new(Intent.AwsOps, "still going end to end"),
        new(Intent.KnowledgeBase, "is the plorvex dependable per the notes"),
        new(Intent.KnowledgeBase, "is the quandle dependable per the notes"),
        new(Intent.KnowledgeBase, "how do i tell the quandle is dependable"),
        new(Intent.KnowledgeBase, "what does the runbook say about escalation"),
        new(Intent.KnowledgeBase, "where is the on-call policy written down"),
        new(Intent.OffTopic, "tell me a joke about cats"),
        new(Intent.OffTopic, "what should I cook for dinner tonight"),
        new(Intent.OffTopic, "who won the football match"),
    ]));

    private readonly LocalIntentClassifier classifier = new(null, null, () => FrameModel.Value);

    [Theory]
    [InlineData("is the lambda expression in kotlin still going end to end")]
    [InlineData("is my audi s3 still going end to end")]
    [InlineData("are the clouds over the cluster still going end to end, what a sunny day")]
    [InlineData("is the amazon river cluster still going end to end")]
    [InlineData("is the aws stock price still going end to end")]
    [InlineData("奥迪 s3 still going end to end")]
    [InlineData("are the troops of the cluster still going end to end")]
    [InlineData("学校的集群 still going end to end")]
    public void AnOpsWordInAnotherSenseIsNotAwsOps(string text)
    {
        Assert.True(FrameModel.Value.Predict(text).AwsOps >= IntentDecision.AwsThreshold, "the frame alone should score high");

        var result = classifier.Classify(IntentRequest.Single(text));

        Assert.NotEqual(Intent.AwsOps, result.Intent);
        Assert.Contains("another domain", result.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("is the lambda still going end to end in prod")]
    [InlineData("is the audi-sync lambda on i-0a1b2c3d4e5f67890 still going end to end")]
    [InlineData("is the hotel-search lambda still going end to end")]
    [InlineData("is the wine_orders s3 still going end to end")]
    [InlineData("is the lambda behind /playlist still going end to end")]
    public void AnOpsWordInItsOwnSenseOrAResourceIdKeepsTheOpsRoute(string text) =>
        Assert.Equal(Intent.AwsOps, classifier.Classify(IntentRequest.Single(text)).Intent);

    [Fact]
    public void AnUnsureKnowledgeAnswerAboutAnotherDomainIsOffTopic()
    {
        const string text = "is the sedan dependable for dinner tonight";
        var scores = FrameModel.Value.Predict(text);
        Assert.True(scores.Best() == Intent.KnowledgeBase && scores.KnowledgeBase < IntentDecision.OtherSenseKnowledge, $"model: {scores.KnowledgeBase:0.00}");

        Assert.Equal(Intent.OffTopic, classifier.Classify(IntentRequest.Single(text)).Intent);
    }

    [Fact]
    public void AKnowledgeQuestionAboutTheTeamsRulesOnAnotherDomainStaysKnowledge()
    {
        const string text = "how do i tell the sedan is dependable for dinner tonight";
        var scores = FrameModel.Value.Predict(text);
        Assert.True(scores.Best() == Intent.KnowledgeBase && scores.KnowledgeBase < IntentDecision.OtherSenseKnowledge, $"model: {scores.KnowledgeBase:0.00}");

        Assert.Equal(Intent.KnowledgeBase, classifier.Classify(IntentRequest.Single(text)).Intent);
    }

    // The other-domain words must never take an ops question of the data off its route: a word that does belongs in
    // the ops vocabulary, not in OtherSenseLexicon (or the question names a resource id, which keeps the route).
    [Fact]
    public void NoOpsQuestionOfTheDataHasAWordOfAnotherDomain()
    {
        var clashes = IntentData.All
            .Where(q => q.Intent == Intent.AwsOps)
            .Select(q => CueMatcher.Normalise(q.Text))
            .Where(text => !OpsEvidence.NamesAResource(text) && OtherSense.Find(text) is not null)
            .Select(text => $"{OtherSense.Find(text)}: {text}");

        Assert.Empty(clashes);
    }
}
