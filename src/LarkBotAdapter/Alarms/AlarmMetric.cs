namespace ChatOps.LarkBotAdapter.Alarms;

// What the alarm watches: one metric (Name, Namespace, Dimensions) or a metric-math alarm (Name "metric math", the
// expressions in Expressions); Threshold and Comparison as CloudWatch states them ("GreaterThanThreshold").
public sealed record AlarmMetric(
    string Name,
    string? Namespace,
    IReadOnlyList<KeyValuePair<string, string>> Dimensions,
    IReadOnlyList<string> Expressions,
    double? Threshold,
    string? Comparison,
    string? Statistic,
    int? Period,
    int? EvaluationPeriods)
{
    // "AWS/ApplicationELB HTTPCode_Target_5XX_Count (LoadBalancer=app/web/1)".
    public string Summary
    {
        get
        {
            var dimensions = Dimensions.Count == 0 ? "" : " (" + string.Join(", ", Dimensions.Select(d => $"{d.Key}={d.Value}")) + ")";
            var expressions = Expressions.Count == 0 ? "" : ": " + string.Join("; ", Expressions);
            return (Namespace is null ? "" : Namespace + " ") + Name + dimensions + expressions;
        }
    }

    // "> 5 (Sum over 60 s, 1 period)".
    public string ThresholdSummary
    {
        get
        {
            var op = Comparison switch
            {
                "GreaterThanThreshold" => ">",
                "GreaterThanOrEqualToThreshold" => "≥",
                "LessThanThreshold" => "<",
                "LessThanOrEqualToThreshold" => "≤",
                _ => Comparison ?? "",
            };
            var value = Threshold?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "(band)";
            var over = Period is { } p ? $" ({Statistic ?? "?"} over {p} s, {EvaluationPeriods ?? 1} periods)" : "";
            return $"{op} {value}{over}".Trim();
        }
    }
}
