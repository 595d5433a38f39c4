using System.Globalization;
using System.Text;

namespace ChatOps.IntentRecognition.Evaluation;

/// <summary>The local classifier alone, Bedrock alone and the cascade at one threshold, side by side: accuracy, the share
/// decided locally, errors, p50/p99 latency and tokens and cost per 1,000 questions (every question counted, so the
/// cascade's local answers cost nothing).</summary>
/// <param name="questions">Questions classified by both (see <see cref="ClassifiedQuestion.BedrockAsked"/>).</param>
public sealed class CascadeComparison(IReadOnlyList<ClassifiedQuestion> questions)
{
    /// <summary>The local classifier's scores.</summary>
    public IntentEvaluation Local()
    {
        var evaluation = new IntentEvaluation();
        foreach (var q in questions)
        {
            evaluation.Add(q.Expected, q.Local.Intent, q.LocalLatency);
        }

        return evaluation;
    }

    /// <summary>Bedrock's scores; a failed call is an error.</summary>
    public IntentEvaluation Bedrock()
    {
        var evaluation = new IntentEvaluation();
        foreach (var q in questions)
        {
            evaluation.Add(q.Expected, q.Bedrock?.Intent, q.BedrockLatency, q.Bedrock?.Usage);
        }

        return evaluation;
    }

    /// <summary>The cascade's scores at <paramref name="threshold"/> and how many questions it decided locally.</summary>
    public (IntentEvaluation Evaluation, int DecidedLocally) Cascade(double threshold)
    {
        var evaluation = new IntentEvaluation();
        var decidedLocally = 0;
        foreach (var q in questions)
        {
            var (result, latency, local) = q.Cascade(threshold);
            decidedLocally += local ? 1 : 0;
            // A question Bedrock was asked about costs its tokens even when the guard set the answer aside.
            evaluation.Add(q.Expected, result.Intent, latency, local ? null : q.Bedrock?.Usage);
        }

        return (evaluation, decidedLocally);
    }

    /// <summary>The comparison as a table; <paramref name="price"/> null shows tokens without cost.</summary>
    public string Format(double threshold, ModelPrice? price)
    {
        var text = new StringBuilder();
        text.AppendLine(Invariant($"{"",-20}{"accuracy",9}{"local",8}{"errors",8}{"p50 ms",10}{"p99 ms",10}{"tokens/1k q (in+out)",24}{"cost/1k q",11}"));
        Row(text, "embedded alone", Local(), questions.Count, price);
        Row(text, "bedrock alone", Bedrock(), 0, price);
        var (cascade, local) = Cascade(threshold);
        Row(text, Invariant($"cascade (>= {threshold:0.00})"), cascade, local, price);
        return text.ToString();
    }

    private static void Row(StringBuilder text, string name, IntentEvaluation e, int decidedLocally, ModelPrice? price)
    {
        var count = Math.Max(1, e.Count);
        var input = e.InputTokens * 1000 / count;
        var output = e.OutputTokens * 1000 / count;
        var cost = price is null ? "-" : Invariant($"${price.Cost(input, output):0.0000}");
        text.AppendLine(Invariant(
            $"{name,-20}{e.Accuracy,9:P1}{decidedLocally / (double)count,8:P0}{e.Errors,8}{e.Latency(50).TotalMilliseconds,10:0.###}{e.Latency(99).TotalMilliseconds,10:0.###}{$"{input} + {output}",24}{cost,11}"));
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
