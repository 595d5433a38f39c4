using ChatOps.IntentRecognition.Evaluation;

namespace ChatOps.IntentRecognition.Tests;

/// <summary>Choosing INTENT_LOCAL_CONFIDENCE, and the default being what the dev set chooses.</summary>
public sealed class LocalConfidenceCalibrationTests
{
    [Fact]
    public void DefaultThresholdIsWhatCalibrationSuggestsOnTheDevSet()
    {
        var local = new LocalIntentClassifier();
        var classified = IntentData.Dev
            .Select(q => new ClassifiedQuestion(q.Intent, IntentRequest.Single(q.Text), local.Classify(IntentRequest.Single(q.Text)), TimeSpan.Zero))
            .ToList();

        var suggested = new LocalConfidenceCalibration(classified).Suggest();

        // After retraining the model: run `classify --calibrate src/IntentRecognition/Data/intent-dev.tsv` (docs/INTENT-QUALITY.md)
        // and set CascadeIntentClassifier.DefaultLocalConfidence and the docs to the value it suggests.
        Assert.True(
            suggested == CascadeIntentClassifier.DefaultLocalConfidence,
            $"calibration on intent-dev.tsv suggests {suggested}, the default is {CascadeIntentClassifier.DefaultLocalConfidence}");
    }

    [Fact]
    public void SuggestionIsTheLowestThresholdWhoseLocalAnswersAreRightEnough()
    {
        // 50 sure and right, 1 at 0.6 and wrong, 1 at 0.95 and wrong: from 0.65 on the local answers are 50/51 = 98 % right.
        var questions = Enumerable.Range(0, 50).Select(_ => Question(Intent.KnowledgeBase, Intent.KnowledgeBase, 0.99))
            .Append(Question(Intent.KnowledgeBase, Intent.OffTopic, 0.6))
            .Append(Question(Intent.AwsOps, Intent.KnowledgeBase, 0.95))
            .ToList();
        var calibration = new LocalConfidenceCalibration(questions);

        Assert.Equal((51, 50, 0), calibration.Local(0.65));
        Assert.Equal(0.65, calibration.Suggest());
        Assert.Contains("suggested: INTENT_LOCAL_CONFIDENCE=0.65", calibration.Format(), StringComparison.Ordinal);
        Assert.Matches(@"0\.65\s+98\.1 %\s+98\.0 %\s+0\s+-", calibration.Format());
    }

    [Fact]
    public void OffTopicSentToAwsOpsLocallyRaisesTheSuggestion()
    {
        var questions = Enumerable.Range(0, 100).Select(_ => Question(Intent.OffTopic, Intent.OffTopic, 0.99))
            .Append(Question(Intent.OffTopic, Intent.AwsOps, 0.9))
            .ToList();

        Assert.Equal(0.92, new LocalConfidenceCalibration(questions).Suggest());
    }

    [Fact]
    public void NoThresholdGoodEnoughMeansBedrockAlways()
    {
        var questions = new[] { Question(Intent.OffTopic, Intent.KnowledgeBase, 1) };

        Assert.Equal(CascadeIntentClassifier.BedrockAlways, new LocalConfidenceCalibration(questions).Suggest());
    }

    private static ClassifiedQuestion Question(Intent expected, Intent local, double confidence) =>
        new(expected, IntentRequest.Single("q"), new IntentResult(local, IntentResult.SourceLocal, confidence), TimeSpan.Zero);
}
