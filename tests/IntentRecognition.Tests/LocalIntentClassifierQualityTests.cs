using ChatOps.IntentRecognition.Evaluation;
using ChatOps.IntentRecognition.Model;
using Xunit.Abstractions;

namespace ChatOps.IntentRecognition.Tests;

/// <summary>The embedded classifier (model and rules) measured on labelled questions it was not trained on. The dev set
/// is where thresholds are tuned; the fresh held-out set is the honest number, reported in docs/INTENT-QUALITY.md.</summary>
public sealed class LocalIntentClassifierQualityTests(ITestOutputHelper output)
{
    [Fact]
    public void FreshHeldOutSetMeetsTheAccuracyAndAwsOpsRecallBars()
    {
        var evaluation = Evaluate(IntentData.HeldOut);

        Assert.True(evaluation.Accuracy >= 0.92, $"held-out accuracy {evaluation.Accuracy:P1}");
        Assert.True(evaluation.Recall(Intent.AwsOps) >= 0.90, $"aws_ops recall {evaluation.Recall(Intent.AwsOps):P1}");
    }

    // The first held-out set missed this bar (2 of 93 = 2.2 %). It was folded into training, off-topic questions phrased
    // like ops questions were added, the model and threshold were re-tuned on the dev set only, and a second fresh set,
    // written by someone who never saw the model or its data, replaced it: measured once, 2 of 160 = 1.3 %.
    [Fact]
    public void FreshHeldOutSetSendsFewerThanTwoPercentOfOffTopicQuestionsToAwsOps()
    {
        var evaluation = Evaluate(IntentData.HeldOut);

        Assert.True(evaluation.Rate(Intent.OffTopic, Intent.AwsOps) < 0.02, $"off_topic -> aws_ops {evaluation.Rate(Intent.OffTopic, Intent.AwsOps):P1}");
    }

    [Fact]
    public void DevSetIsReportedAndKeepsOffTopicAwayFromAwsOps()
    {
        var evaluation = Evaluate(IntentData.Dev);

        Assert.True(evaluation.Accuracy >= 0.9, $"dev accuracy {evaluation.Accuracy:P1}");
        Assert.True(evaluation.Rate(Intent.OffTopic, Intent.AwsOps) < 0.02, $"off_topic -> aws_ops {evaluation.Rate(Intent.OffTopic, Intent.AwsOps):P1}");
    }

    [Fact]
    public void ModelLoadsOnTheFirstClassificationNotWhenTheClassifierIsBuilt()
    {
        var classifier = new LocalIntentClassifier("Runbooks for checkout-api", ["prod"]);

        Assert.False(classifier.ModelLoaded);
        classifier.Classify(IntentRequest.Single("is checkout-api up in prod?"));
        Assert.True(classifier.ModelLoaded);
    }

    private IntentEvaluation Evaluate(IReadOnlyList<LabelledQuestion> questions)
    {
        var classifier = new LocalIntentClassifier();
        var evaluation = new IntentEvaluation();
        foreach (var question in questions)
        {
            var result = classifier.Classify(IntentRequest.Single(question.Text));
            evaluation.Add(question.Intent, result.Intent, TimeSpan.Zero);
            if (result.Intent != question.Intent)
            {
                output.WriteLine($"  miss: [{question.Intent.ToLabel()} -> {result.Intent.ToLabel()}] {question.Text}");
            }
        }

        output.WriteLine(evaluation.Format());
        return evaluation;
    }
}
