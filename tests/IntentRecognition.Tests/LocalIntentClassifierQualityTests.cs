using ChatOps.IntentRecognition.Evaluation;
using ChatOps.IntentRecognition.Model;
using Xunit.Abstractions;

namespace ChatOps.IntentRecognition.Tests;

/// <summary>The embedded classifier (model and rules) measured on labelled questions it was not trained on. The dev set
/// is where thresholds are tuned; the regression sets were held out once and guard against regressions. The honest
/// number comes from a fresh held-out set written after tuning, reported in docs/INTENT-QUALITY.md.</summary>
public sealed class LocalIntentClassifierQualityTests(ITestOutputHelper output)
{
    // Regression set 2 was the held-out set of issue 15 (94.5 %, 2 of 160 off-topic to aws_ops, measured once). Its misses
    // have been read since, so it no longer gives the honest number; it guards against a retrained model getting worse.
    [Fact]
    public void RegressionSet2KeepsItsAccuracyAndEveryLabelsRecall()
    {
        var evaluation = Evaluate(IntentData.Regression[2]);

        // Issue 23, round 3: 96.3 %, recalls 97.3 / 92.3 / 98.8 %, 0 of 160 off-topic to aws_ops (round 2: 95.3 %; round 1: 94.3 %, 4 of 160).
        Assert.True(evaluation.Accuracy >= 0.95, $"regression-2 accuracy {evaluation.Accuracy:P1}");
        Assert.All(Enum.GetValues<Intent>(), label => Assert.True(evaluation.Recall(label) >= 0.92, $"{label} recall {evaluation.Recall(label):P1}"));
        Assert.True(evaluation.Rate(Intent.OffTopic, Intent.AwsOps) < 0.01, $"off_topic -> aws_ops {evaluation.Rate(Intent.OffTopic, Intent.AwsOps):P1}");
    }

    // Regression set 3 was issue 23's blind held-out set: 94.5 % as written, measured once after tuning ended; on the 340
    // questions kept (5 repeated earlier sets): 94.4 %, recalls 93.9 / 97.4 / 91.8 %, 3 of 110 off-topic to aws_ops
    // (docs/INTENT-QUALITY.md). Retired since its misses were read; round 3 (after reading them): 97.1 %, recalls
    // 96.5 / 98.3 / 96.4 %, 0 off-topic to aws_ops.
    [Fact]
    public void RegressionSet3KeepsItsAccuracyAndEveryLabelsRecall()
    {
        var evaluation = Evaluate(IntentData.Regression[3]);

        Assert.True(evaluation.Accuracy >= 0.95, $"regression-3 accuracy {evaluation.Accuracy:P1}");
        Assert.All(Enum.GetValues<Intent>(), label => Assert.True(evaluation.Recall(label) >= 0.93, $"{label} recall {evaluation.Recall(label):P1}"));
        Assert.True(evaluation.Rate(Intent.OffTopic, Intent.AwsOps) < 0.01, $"off_topic -> aws_ops {evaluation.Rate(Intent.OffTopic, Intent.AwsOps):P1}");
    }

    // Regression set 4 was round 3's blind held-out set (360 written, 120 per label, over half of each hard), measured
    // once after tuning ended: 96.7 % as written; on the 356 kept (4 repeated earlier data word for word) 96.6 %, recalls
    // 95.8 / 96.6 / 97.5 %, 1 of 118 off-topic to aws_ops ("how many troops did the Allies deploy …"). Retired since.
    [Fact]
    public void RegressionSet4KeepsItsAccuracyAndEveryLabelsRecall()
    {
        var evaluation = Evaluate(IntentData.Regression[4]);

        Assert.True(evaluation.Accuracy >= 0.96, $"regression-4 accuracy {evaluation.Accuracy:P1}");
        Assert.All(Enum.GetValues<Intent>(), label => Assert.True(evaluation.Recall(label) >= 0.95, $"{label} recall {evaluation.Recall(label):P1}"));
        Assert.True(evaluation.Rate(Intent.OffTopic, Intent.AwsOps) < 0.01, $"off_topic -> aws_ops {evaluation.Rate(Intent.OffTopic, Intent.AwsOps):P1}");
    }

    // Regression set 5 was round 4's blind held-out set (600 written, 200 per label, over half of each hard), measured
    // once after tuning ended: 96.3 % (also on the 596 kept), recalls 97.5 / 94.5 / 97.0 %, 2 of 197 off-topic to aws_ops
    // ("how did the Romans build roads …", "my parcel is stuck at the regional hub …"). Retired since.
    [Fact]
    public void RegressionSet5KeepsItsAccuracyAndEveryLabelsRecall()
    {
        var evaluation = Evaluate(IntentData.Regression[5]);

        Assert.True(evaluation.Accuracy >= 0.96, $"regression-5 accuracy {evaluation.Accuracy:P1}");
        Assert.All(Enum.GetValues<Intent>(), label => Assert.True(evaluation.Recall(label) >= 0.935, $"{label} recall {evaluation.Recall(label):P1}"));
        Assert.True(evaluation.Rate(Intent.OffTopic, Intent.AwsOps) < 0.011, $"off_topic -> aws_ops {evaluation.Rate(Intent.OffTopic, Intent.AwsOps):P1}");
    }

    // Regression set 6 was the blind held-out set after round 4 (600 written, 200 per label, 55 % of each hard), measured
    // once after tuning ended: 94.8 % as written; on the 582 kept (18 repeated earlier data) 94.7 %, recalls
    // 97.0 / 92.3 / 94.7 %, 2 of 188 off-topic to aws_ops. Retired since.
    [Fact]
    public void RegressionSet6KeepsItsAccuracyAndEveryLabelsRecall()
    {
        var evaluation = Evaluate(IntentData.Regression[6]);

        Assert.True(evaluation.Accuracy >= 0.945, $"regression-6 accuracy {evaluation.Accuracy:P1}");
        Assert.All(Enum.GetValues<Intent>(), label => Assert.True(evaluation.Recall(label) >= 0.92, $"{label} recall {evaluation.Recall(label):P1}"));
        Assert.True(evaluation.Rate(Intent.OffTopic, Intent.AwsOps) < 0.012, $"off_topic -> aws_ops {evaluation.Rate(Intent.OffTopic, Intent.AwsOps):P1}");
    }

    // Regression set 7 was the blind held-out set after round 5 (600 written, 200 per label, 56 % of each hard), measured
    // once after tuning ended (d033225, the foreign-words rule): 96.0 % as written, recalls 93.5 / 96.0 / 98.5 %, 1 of 200
    // off-topic to aws_ops ("which ports were the main gateways for immigrants …"); on the 575 kept (25 repeated earlier
    // data) 95.8 %, recalls 93.3 / 95.9 / 98.4 %, 1 of 183. Retired since.
    [Fact]
    public void RegressionSet7KeepsItsAccuracyAndEveryLabelsRecall()
    {
        var evaluation = Evaluate(IntentData.Regression[7]);

        Assert.True(evaluation.Accuracy >= 0.955, $"regression-7 accuracy {evaluation.Accuracy:P1}");
        Assert.All(Enum.GetValues<Intent>(), label => Assert.True(evaluation.Recall(label) >= 0.93, $"{label} recall {evaluation.Recall(label):P1}"));
        Assert.True(evaluation.Rate(Intent.OffTopic, Intent.AwsOps) < 0.006, $"off_topic -> aws_ops {evaluation.Rate(Intent.OffTopic, Intent.AwsOps):P1}");
    }

    // Regression set 8 was a second blind set on the same model as set 7 (600 written, 56 % hard, its Chinese rows written
    // as their own scenarios), measured once: 96.3 % as written, recalls 95.0 / 95.0 / 99.0 %, 1 of 200 off-topic to
    // aws_ops ("快递显示在转运节点卡了三天了…"); on the 575 kept 96.2 %, 1 of 180. Retired since.
    [Fact]
    public void RegressionSet8KeepsItsAccuracyAndEveryLabelsRecall()
    {
        var evaluation = Evaluate(IntentData.Regression[8]);

        Assert.True(evaluation.Accuracy >= 0.96, $"regression-8 accuracy {evaluation.Accuracy:P1}");
        Assert.All(Enum.GetValues<Intent>(), label => Assert.True(evaluation.Recall(label) >= 0.94, $"{label} recall {evaluation.Recall(label):P1}"));
        Assert.True(evaluation.Rate(Intent.OffTopic, Intent.AwsOps) < 0.006, $"off_topic -> aws_ops {evaluation.Rate(Intent.OffTopic, Intent.AwsOps):P1}");
    }

    // Regression sets 9 and 10 were the blind sets after round 6 (0302f09), 600 written each, measured once: set 9
    // 95.0 % as written, recalls 95.0 / 92.0 / 98.0 %, 2 of 200 off-topic to aws_ops (Liberty ship "production", a raid
    // "instance" that "we" keep wiping on); set 10 97.2 %, recalls 94.0 / 98.5 / 99.0 %, 1 of 200 (a subway line's plan
    // "发布" in "我们这儿"). On the rows kept: 94.9 % (570) and 97.0 % (571). Retired since.
    // Regression sets 11 and 12 were the blind sets after round 7 (7b89ea8), 600 written each, measured once: set 11
    // 97.7 % as written, recalls 96.5 / 97.0 / 99.5 %, 0 of 200 off-topic to aws_ops; set 12 95.7 %, recalls 94.0 /
    // 94.0 / 99.0 %, 2 of 200 (the telegraph network that routed messages, a broker app's quote 延迟). Retired since.
    // Regression sets 13 and 14 were the blind sets after round 8 (c0bac2e), measured once: set 13 95.2 % as written,
    // recalls 89.5 / 97.0 / 99.0 % (knowledge_base under the bar: policy and postmortem questions naming services read as
    // ops, glossary questions as chat), 0 of 200 off-topic to aws_ops; set 14 97.2 %, recalls 94.5 / 97.0 / 100 %, 0 of 200.
    // Regression sets 15 and 16 were the blind sets after round 9 (085dba9), the last: set 15 95.8 % as written, recalls
    // 94.0 / 95.0 / 98.5 %, 0 of 200 off-topic to aws_ops (on the 541 kept: 95.4 %, 0 of 161); set 16 96.5 %, recalls
    // 95.5 / 96.0 / 98.0 %, 0 of 200 (on the 564 kept: 96.3 %, 0 of 178). Retired since.
    [Theory]
    [InlineData(9, 0.945, 0.915, 0.012)]
    [InlineData(10, 0.965, 0.935, 0.006)]
    [InlineData(11, 0.97, 0.96, 0.006)]
    [InlineData(12, 0.95, 0.93, 0.012)]
    [InlineData(13, 0.95, 0.9, 0.006)]
    [InlineData(14, 0.965, 0.94, 0.006)]
    [InlineData(15, 0.95, 0.93, 0.006)]
    [InlineData(16, 0.96, 0.95, 0.006)]
    public void RegressionSets9To16KeepTheirAccuracyAndEveryLabelsRecall(int set, double accuracy, double recall, double offTopicToAwsOps)
    {
        var evaluation = Evaluate(IntentData.Regression[set]);

        Assert.True(evaluation.Accuracy >= accuracy, $"regression-{set} accuracy {evaluation.Accuracy:P1}");
        Assert.All(Enum.GetValues<Intent>(), label => Assert.True(evaluation.Recall(label) >= recall, $"{label} recall {evaluation.Recall(label):P1}"));
        Assert.True(evaluation.Rate(Intent.OffTopic, Intent.AwsOps) < offTopicToAwsOps, $"off_topic -> aws_ops {evaluation.Rate(Intent.OffTopic, Intent.AwsOps):P1}");
    }

    [Fact]
    public void DevSetMeetsTheBarsTheThresholdsWereChosenFor()
    {
        var evaluation = Evaluate(IntentData.Dev);

        // 1,436 questions (751 of round 1, 42 of round 2, 232 of round 3, 238 of round 5, 173 of round 6), over a third of
        // them the hard cases of issue 23: 95.1 %, recalls 93.5 / 93.3 / 98.4 %, 0 of 502 off-topic to aws_ops (round 5,
        // 1,263 questions: 95.1 %, 0 of 443; round 3, 1,025: 95.1 %, 0 of 340; round 2, 793: 91.8 %, 1 of 267).
        Assert.True(evaluation.Accuracy >= 0.945, $"dev accuracy {evaluation.Accuracy:P1}");
        Assert.All(Enum.GetValues<Intent>(), label => Assert.True(evaluation.Recall(label) >= 0.92, $"{label} recall {evaluation.Recall(label):P1}"));
        Assert.True(evaluation.Rate(Intent.OffTopic, Intent.AwsOps) < 0.01, $"off_topic -> aws_ops {evaluation.Rate(Intent.OffTopic, Intent.AwsOps):P1}");
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
