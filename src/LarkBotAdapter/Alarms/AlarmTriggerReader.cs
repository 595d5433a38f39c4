using System.Globalization;
using System.Text.Json;

namespace ChatOps.LarkBotAdapter.Alarms;

// Reads an alarm message's Trigger: a single metric (MetricName, Namespace, Dimensions [{name, value}]) or metric math
// (Metrics [{Id, Expression | MetricStat}]); numbers must be numbers.
internal static class AlarmTriggerReader
{
    public static AlarmMetric Read(JsonElement trigger)
    {
        var expressions = new List<string>();
        string name;
        string? space = null;
        IReadOnlyList<KeyValuePair<string, string>> dimensions;
        if (trigger.TryGetProperty("Metrics", out var metrics) && metrics.ValueKind == JsonValueKind.Array)
        {
            name = "metric math";
            dimensions = [];
            foreach (var metric in metrics.EnumerateArray())
            {
                expressions.Add(MathPart(metric));
            }
        }
        else
        {
            name = AlarmMessageReader.Text(trigger, "MetricName");
            space = AlarmMessageReader.Text(trigger, "Namespace");
            dimensions = Dimensions(trigger);
        }
        return new AlarmMetric(
            name, space, dimensions, expressions, Number(trigger, "Threshold"), AlarmMessageReader.OptionalText(trigger, "ComparisonOperator"),
            AlarmMessageReader.OptionalText(trigger, "Statistic") ?? AlarmMessageReader.OptionalText(trigger, "ExtendedStatistic"),
            (int?)Number(trigger, "Period"), (int?)Number(trigger, "EvaluationPeriods"));
    }

    private static string MathPart(JsonElement metric)
    {
        if (metric.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException("Trigger.Metrics holds something that is not an object");
        }
        var id = AlarmMessageReader.Text(metric, "Id");
        if (AlarmMessageReader.OptionalText(metric, "Expression") is { } expression)
        {
            return $"{id} = {expression}";
        }
        if (metric.TryGetProperty("MetricStat", out var stat) && stat.ValueKind == JsonValueKind.Object
            && stat.TryGetProperty("Metric", out var inner) && inner.ValueKind == JsonValueKind.Object)
        {
            var dimensions = Dimensions(inner);
            var shown = dimensions.Count == 0 ? "" : " (" + string.Join(", ", dimensions.Select(d => $"{d.Key}={d.Value}")) + ")";
            return $"{id} = {AlarmMessageReader.Text(inner, "Namespace")} {AlarmMessageReader.Text(inner, "MetricName")}{shown}";
        }
        throw new FormatException($"Trigger.Metrics entry {id} has neither Expression nor MetricStat.Metric");
    }

    // Dimensions as CloudWatch writes them in alarm messages: [{"value": "…", "name": "…"}] (either case of the keys).
    private static IReadOnlyList<KeyValuePair<string, string>> Dimensions(JsonElement parent)
    {
        if (!parent.TryGetProperty("Dimensions", out var array) || array.ValueKind == JsonValueKind.Null)
        {
            return [];
        }
        if (array.ValueKind != JsonValueKind.Array)
        {
            throw new FormatException("Dimensions is not a list");
        }
        return array.EnumerateArray().Select(d => d.ValueKind == JsonValueKind.Object
                ? new KeyValuePair<string, string>(Either(d, "name", "Name"), Either(d, "value", "Value"))
                : throw new FormatException("a dimension is not an object"))
            .ToArray();
    }

    private static string Either(JsonElement element, string lower, string upper) =>
        element.TryGetProperty(lower, out _) ? AlarmMessageReader.Text(element, lower) : AlarmMessageReader.Text(element, upper);

    private static double? Number(JsonElement element, string name) =>
        !element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null ? null
        : value.ValueKind == JsonValueKind.Number ? value.GetDouble()
        : value.ValueKind == JsonValueKind.String && double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) ? parsed
        : throw new FormatException($"Trigger.{name} is not a number");
}
