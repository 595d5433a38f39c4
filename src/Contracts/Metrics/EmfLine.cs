using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace ChatOps.Metrics;

// One measurement as one CloudWatch Embedded Metric Format document (a single line of JSON): the _aws metadata
// (Timestamp in epoch milliseconds, one metric directive with the namespace, dimension sets and metric), then the
// measurement's tags as string members and the value as a number member named like the metric. logGroup, when given,
// is _aws.LogGroupName: the log group the CloudWatch agent writes the line to (Lambda's lines go to the function's).
internal static class EmfLine
{
    // CloudWatch limits: dimensions in one set, and characters of a dimension value.
    public const int MaxDimensions = 30;

    private const int MaxValueLength = 1024;

    public static string Write(
        string ns, EmfMetric metric, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags, long timestampMs, string? logGroup = null)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, tag) in tags)
        {
            values[key] = DimensionValue(tag);
        }

        var buffer = new ArrayBufferWriter<byte>(512);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartObject("_aws");
            json.WriteNumber("Timestamp", timestampMs);
            if (logGroup is not null)
            {
                json.WriteString("LogGroupName", logGroup);
            }

            json.WriteStartArray("CloudWatchMetrics");
            json.WriteStartObject();
            json.WriteString("Namespace", ns);
            json.WriteStartArray("Dimensions");
            // A set naming a tag this measurement lacks is left out (its metric would have no value for it).
            foreach (var set in metric.DimensionSets.Where(set => set.Length <= MaxDimensions && set.All(values.ContainsKey)))
            {
                json.WriteStartArray();
                set.ToList().ForEach(json.WriteStringValue);
                json.WriteEndArray();
            }

            json.WriteEndArray();
            json.WriteStartArray("Metrics");
            json.WriteStartObject();
            json.WriteString("Name", metric.Name);
            json.WriteString("Unit", metric.Unit);
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
            foreach (var (key, text) in values.Where(v => v.Key != metric.Name && v.Key != "_aws"))
            {
                json.WriteString(key, text);
            }

            json.WriteNumber(metric.Name, double.IsFinite(value) ? value : 0);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    // CloudWatch takes 1–1024 printable ASCII characters; anything else becomes '_', and nothing becomes "none".
    private static string DimensionValue(object? tag)
    {
        var text = Convert.ToString(tag, CultureInfo.InvariantCulture);
        if (string.IsNullOrWhiteSpace(text))
        {
            return "none";
        }

        var chars = text.Length > MaxValueLength ? text[..MaxValueLength].ToCharArray() : text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = chars[i] is >= ' ' and <= '~' ? chars[i] : '_';
        }

        return new string(chars);
    }
}
