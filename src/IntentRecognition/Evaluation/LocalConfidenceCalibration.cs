using System.Globalization;
using System.Text;

namespace ChatOps.IntentRecognition.Evaluation;

/// <summary>Chooses <c>INTENT_LOCAL_CONFIDENCE</c>: for each candidate threshold, the share of questions the local
/// classifier decides, how many of those it gets right, and (when Bedrock was asked) the cascade's accuracy. The
/// suggestion is the lowest threshold whose local answers are at least <see cref="TargetLocalAccuracy"/> right (well above
/// the 95 % the whole route aims at, so the questions left to Bedrock, the harder ones, have room), so it
/// needs no Bedrock call and anyone can reproduce it on the dev set; none of them may send an off-topic question to
/// <c>aws_ops</c> either.</summary>
/// <param name="questions">Classified questions (see <see cref="ClassifiedQuestion"/>).</param>
public sealed class LocalConfidenceCalibration(IReadOnlyList<ClassifiedQuestion> questions)
{
    /// <summary>How often the questions the local classifier keeps must be right.</summary>
    public const double TargetLocalAccuracy = 0.98;

    /// <summary>The thresholds tried, lowest first; 1 means Bedrock decides every question.</summary>
    public static IReadOnlyList<double> Thresholds { get; } =
        [0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.92, 0.94, 0.96, 0.97, 0.98, 0.99, CascadeIntentClassifier.BedrockAlways];

    /// <summary>Questions the local classifier decides at <paramref name="threshold"/>, and how many of them it gets right.</summary>
    public (int Decided, int Correct, int OffTopicToAwsOps) Local(double threshold)
    {
        var kept = questions.Where(q => CascadeIntentClassifier.DecidesLocally(q.Local.Confidence, threshold)).ToList();
        return (kept.Count, kept.Count(q => q.Local.Intent == q.Expected),
            kept.Count(q => q.Expected == Intent.OffTopic && q.Local.Intent == Intent.AwsOps));
    }

    /// <summary>The lowest threshold whose local answers reach <see cref="TargetLocalAccuracy"/> with no off-topic
    /// question among them sent to <c>aws_ops</c> (<see cref="CascadeIntentClassifier.BedrockAlways"/> when none does).</summary>
    public double Suggest() => Thresholds.FirstOrDefault(
        t => Local(t) is var (decided, correct, offTopic) && decided > 0 && correct >= TargetLocalAccuracy * decided && offTopic == 0,
        CascadeIntentClassifier.BedrockAlways);

    /// <summary>One row per threshold, then the suggestion.</summary>
    public string Format()
    {
        var withBedrock = questions.Count > 0 && questions.All(q => q.BedrockAsked);
        var comparison = new CascadeComparison(questions);
        var text = new StringBuilder();
        text.AppendLine(Invariant($"{"threshold",9}{"local share",13}{"local accuracy",16}{"off_topic->aws_ops",20}{"cascade accuracy",18}"));
        foreach (var threshold in Thresholds)
        {
            var (decided, correct, offTopic) = Local(threshold);
            var cascade = withBedrock ? Invariant($"{comparison.Cascade(threshold).Evaluation.Accuracy:P1}") : "-";
            var accuracy = decided == 0 ? "-" : Invariant($"{correct / (double)decided:P1}");
            text.AppendLine(Invariant(
                $"{threshold,9:0.00}{decided / (double)Math.Max(1, questions.Count),13:P1}{accuracy,16}{offTopic,20}{cascade,18}"));
        }

        text.AppendLine();
        text.AppendLine(Invariant(
            $"suggested: INTENT_LOCAL_CONFIDENCE={Suggest():0.00} (the lowest threshold whose local answers are >= {TargetLocalAccuracy:P0} right, none off_topic->aws_ops; default {CascadeIntentClassifier.DefaultLocalConfidence:0.00})"));
        return text.ToString();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
