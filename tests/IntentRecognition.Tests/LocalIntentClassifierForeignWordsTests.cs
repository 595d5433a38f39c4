using ChatOps.IntentRecognition.Model;

namespace ChatOps.IntentRecognition.Tests;

/// <summary>A question whose only ops words are everyday ones ("deploy", "部署") and that names no word only ops uses and no
/// resource id ("our" or "we" is not enough) reaches <c>aws_ops</c> only when its other words are the team's: "how many troops did the allies deploy" is history however
/// sure the model is. A tiny model trained here scores the "how many … deployed" frame high whatever the nouns are; the
/// scores are asserted first, so a retrained tiny model that moved them fails loudly instead of passing by accident.</summary>
public sealed class LocalIntentClassifierForeignWordsTests
{
    private static readonly Lazy<IntentModel> Model = new(() => IntentModel.Train(
    [
        new(Intent.AwsOps, "how many got deployed last week"),
        new(Intent.AwsOps, "how many were deployed to the cluster"),
        new(Intent.AwsOps, "how many did we deploy"),
        new(Intent.AwsOps, "how many did they deploy on the"),
        new(Intent.AwsOps, "部署了多少"),
        new(Intent.AwsOps, "集群部署了多少"),
        new(Intent.KnowledgeBase, "who is the owner of the quandle"),
        new(Intent.KnowledgeBase, "who is the owner of the plorvex"),
        new(Intent.KnowledgeBase, "where is the on-call policy written down"),
        new(Intent.OffTopic, "tell me a joke about cats"),
        new(Intent.OffTopic, "what should I cook for dinner tonight"),
        new(Intent.OffTopic, "谁赢了比赛"),
    ]));

    [Theory]
    [InlineData("how many lifeguards did the council deploy on the beaches")]
    [InlineData("how many lifeguards did we deploy on the beaches")] // "we" does not make lifeguards ours
    [InlineData("沙滩上的救生员部署了多少")]
    public void AnEverydayOpsWordAmongForeignWordsIsNotAwsOps(string text)
    {
        Assert.True(Model.Value.Predict(text).AwsOps >= IntentDecision.ClearWin, $"aws_ops {Model.Value.Predict(text).AwsOps:0.00}");

        var result = new LocalIntentClassifier(null, null, () => Model.Value).Classify(IntentRequest.Single(text));

        Assert.NotEqual(Intent.AwsOps, result.Intent);
        Assert.Contains("not the team's", result.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("how many lifeguards were deployed to the council cluster in prod")] // an ops-only word
    [InlineData("how many lifeguards were deployed to i-0a1b2c3d4e5f67890")] // a resource id
    public void TheSameWordsAboutSomethingOnlyOpsHasAreAwsOps(string text) =>
        Assert.Equal(Intent.AwsOps, new LocalIntentClassifier(null, null, () => Model.Value).Classify(IntentRequest.Single(text)).Intent);

    [Fact]
    public void TheOperatorsProfileNamesAreTheTeamsWords()
    {
        // With profiles named "lifeguards" and "beaches", only "council" is foreign: one word of three.
        var result = new LocalIntentClassifier(null, ["lifeguards", "beaches"], () => Model.Value)
            .Classify(IntentRequest.Single("how many lifeguards did the council deploy on the beaches"));

        Assert.Equal(Intent.AwsOps, result.Intent);
    }

    [Fact]
    public void AnUnsureKnowledgeAnswerMostlyOfForeignWordsIsOffTopic()
    {
        const string text = "who wrote the violin concerto manuscript";
        var scores = Model.Value.Predict(text);
        Assert.True(scores.Best() == Intent.KnowledgeBase && scores.KnowledgeBase < IntentDecision.OtherSenseKnowledge, $"knowledge_base {scores.KnowledgeBase:0.00}");

        var result = new LocalIntentClassifier(null, null, () => Model.Value).Classify(IntentRequest.Single(text));

        Assert.Equal(Intent.OffTopic, result.Intent);
        Assert.Contains("not the team's", result.Reason, StringComparison.Ordinal);
    }

    // The other way round: a question that asks for documents ("per the runbook") about something operated ("cluster")
    // is knowledge when the model calls it chat without being sure, unless a word of another domain says it is chat.
    [Fact]
    public void AnUnsureChatAnswerThatAsksForDocumentsAboutSomethingOperatedIsKnowledge()
    {
        const string text = "what should i tell the cluster per the runbook";
        var scores = Model.Value.Predict(text);
        Assert.True(scores.Best() == Intent.OffTopic && scores.OffTopic < IntentDecision.DocumentsOverChat, $"off_topic {scores.OffTopic:0.00}");

        Assert.Equal(Intent.KnowledgeBase, new LocalIntentClassifier(null, null, () => Model.Value).Classify(IntentRequest.Single(text)).Intent);
    }

    [Theory]
    [InlineData("what should I cook per the runbook for dinner tonight")] // a word of another domain, and the model is sure
    [InlineData("tell me the runbook for a cluster joke")] // the model is sure
    public void ChatThatNamesARunbookStaysChat(string text) =>
        Assert.Equal(Intent.OffTopic, new LocalIntentClassifier(null, null, () => Model.Value).Classify(IntentRequest.Single(text)).Intent);
}
