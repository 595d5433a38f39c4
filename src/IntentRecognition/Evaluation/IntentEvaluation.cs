using System.Globalization;
using System.Text;

namespace ChatOps.IntentRecognition.Evaluation;

/// <summary>Scores a classifier on labelled questions: confusion matrix, per-label precision and recall, latency
/// percentiles and token use. Failed classifications count as errors (wrong, and outside the matrix).</summary>
public sealed class IntentEvaluation
{
    private static readonly Intent[] Labels = Enum.GetValues<Intent>();
    private readonly int[,] confusion = new int[Labels.Length, Labels.Length];
    private readonly int[] errors = new int[Labels.Length];
    private readonly List<double> latencies = [];

    /// <summary>Questions scored, errors included.</summary>
    public int Count { get; private set; }

    /// <summary>Questions whose classification failed.</summary>
    public int Errors => errors.Sum();

    /// <summary>Input tokens reported by the model, summed.</summary>
    public long InputTokens { get; private set; }

    /// <summary>Output tokens reported by the model, summed.</summary>
    public long OutputTokens { get; private set; }

    /// <summary>Questions whose result reported token usage.</summary>
    public int WithUsage { get; private set; }

    /// <summary>Records one question: <paramref name="predicted"/> null when the classifier failed.</summary>
    public void Add(Intent expected, Intent? predicted, TimeSpan latency, TokenUsage? usage = null)
    {
        Count++;
        latencies.Add(latency.TotalMilliseconds);
        if (predicted is { } got)
        {
            confusion[(int)expected, (int)got]++;
        }
        else
        {
            errors[(int)expected]++;
        }

        if (usage is not null)
        {
            WithUsage++;
            InputTokens += usage.InputTokens;
            OutputTokens += usage.OutputTokens;
        }
    }

    /// <summary>How many questions labelled <paramref name="expected"/> were classified <paramref name="predicted"/>.</summary>
    public int this[Intent expected, Intent predicted] => confusion[(int)expected, (int)predicted];

    /// <summary>Share of all questions classified correctly (errors count as wrong).</summary>
    public double Accuracy => Count == 0 ? 0 : Labels.Sum(l => this[l, l]) / (double)Count;

    /// <summary>Of the questions classified <paramref name="label"/>, the share that carry that label.</summary>
    public double Precision(Intent label)
    {
        var predicted = Labels.Sum(e => this[e, label]);
        return predicted == 0 ? 0 : this[label, label] / (double)predicted;
    }

    /// <summary>Of the questions labelled <paramref name="label"/>, the share classified so (errors count as missed).</summary>
    public double Recall(Intent label) => Rate(label, label);

    /// <summary>Of the questions labelled <paramref name="expected"/>, the share classified <paramref name="predicted"/>.</summary>
    public double Rate(Intent expected, Intent predicted)
    {
        var total = Support(expected);
        return total == 0 ? 0 : this[expected, predicted] / (double)total;
    }

    /// <summary>Questions labelled <paramref name="label"/>.</summary>
    public int Support(Intent label) => Labels.Sum(p => this[label, p]) + errors[(int)label];

    /// <summary>The latency below which <paramref name="percentile"/> (0–100) of the calls finished (nearest rank).</summary>
    public TimeSpan Latency(double percentile)
    {
        if (latencies.Count == 0)
        {
            return TimeSpan.Zero;
        }

        var sorted = latencies.Order().ToList();
        var rank = (int)Math.Ceiling(percentile / 100 * sorted.Count);
        return TimeSpan.FromMilliseconds(sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)]);
    }

    /// <summary>A plain-text report. <paramref name="price"/> turns tokens into dollars; without it only tokens are shown.</summary>
    public string Format(ModelPrice? price = null)
    {
        var text = new StringBuilder();
        var correct = Labels.Sum(l => this[l, l]);
        text.AppendLine(Invariant($"questions: {Count}   accuracy: {correct}/{Count} = {Accuracy:P1}   errors: {Errors}"));
        text.AppendLine();
        text.Append("expected \\ predicted".PadRight(22));
        text.AppendJoin(string.Empty, Labels.Select(l => l.ToLabel().PadLeft(16)));
        text.AppendLine(Errors > 0 ? "error".PadLeft(8) : string.Empty);
        foreach (var expected in Labels)
        {
            text.Append(expected.ToLabel().PadRight(22));
            text.AppendJoin(string.Empty, Labels.Select(p => this[expected, p].ToString(CultureInfo.InvariantCulture).PadLeft(16)));
            text.AppendLine(Errors > 0 ? errors[(int)expected].ToString(CultureInfo.InvariantCulture).PadLeft(8) : string.Empty);
        }

        text.AppendLine();
        text.AppendLine(Invariant($"{"label",-16}{"precision",10}{"recall",10}{"support",9}"));
        foreach (var label in Labels)
        {
            text.AppendLine(Invariant($"{label.ToLabel(),-16}{Precision(label),10:P1}{Recall(label),10:P1}{Support(label),9}"));
        }

        text.AppendLine();
        text.AppendLine(Invariant($"{IntentLabels.OffTopic} -> {IntentLabels.AwsOps}: {Rate(Intent.OffTopic, Intent.AwsOps):P1}   {IntentLabels.KnowledgeBase} -> {IntentLabels.AwsOps}: {Rate(Intent.KnowledgeBase, Intent.AwsOps):P1}"));
        text.AppendLine(Invariant($"latency: p50 {Latency(50).TotalMilliseconds:0.###} ms   p99 {Latency(99).TotalMilliseconds:0.###} ms"));
        text.Append(Tokens(price));
        return text.ToString();
    }

    private string Tokens(ModelPrice? price)
    {
        if (WithUsage == 0)
        {
            return "tokens: none reported (local classifier)" + Environment.NewLine;
        }

        var input = InputTokens * 1000.0 / WithUsage;
        var output = OutputTokens * 1000.0 / WithUsage;
        var line = Invariant($"tokens per 1,000 questions: {input:0} input + {output:0} output");
        if (price is null)
        {
            return line + Environment.NewLine + "cost: price unknown for this model (see ModelPrice); multiply the tokens by its price" + Environment.NewLine;
        }

        var cost = price.Cost((long)Math.Round(input), (long)Math.Round(output));
        return line + Environment.NewLine
            + Invariant($"cost per 1,000 questions: ${cost:0.0000} ({price.Model}: ${price.InputPerMillion}/M input, ${price.OutputPerMillion}/M output, us-east-1 on-demand)")
            + Environment.NewLine;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
