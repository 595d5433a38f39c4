using System.Text.Json;
using Xunit;

namespace ChatOps.TestKit.Metrics;

/// <summary>
/// One CloudWatch Embedded Metric Format line, parsed and checked against the specification's rules: a JSON object
/// with <c>_aws.Timestamp</c> (epoch milliseconds) and <c>_aws.CloudWatchMetrics</c> directives, each with a namespace,
/// dimension sets of at most 30 keys whose values are top-level strings, and at most 100 metrics whose values are
/// top-level numbers (or arrays of at most 100 numbers).
/// </summary>
public sealed record EmfDocument(string Namespace, long Timestamp, IReadOnlyList<EmfMetricLine> Metrics, JsonElement Root)
{
    private static readonly HashSet<string> Units = new(StringComparer.Ordinal)
    {
        "Seconds", "Microseconds", "Milliseconds", "Bytes", "Kilobytes", "Megabytes", "Gigabytes", "Terabytes", "Bits",
        "Kilobits", "Megabits", "Gigabits", "Terabits", "Percent", "Count", "Bytes/Second", "Kilobytes/Second",
        "Megabytes/Second", "Gigabytes/Second", "Terabytes/Second", "Bits/Second", "Kilobits/Second", "Megabits/Second",
        "Gigabits/Second", "Terabits/Second", "Count/Second", "None",
    };

    /// <summary>Parses and validates; a rule broken fails the test, naming the rule and the line.</summary>
    public static EmfDocument Parse(string line)
    {
        var root = JsonDocument.Parse(line).RootElement.Clone();
        Assert.True(root.ValueKind == JsonValueKind.Object, "an EMF line is one JSON object: " + line);
        Assert.True(root.TryGetProperty("_aws", out var aws) && aws.ValueKind == JsonValueKind.Object, "no _aws object: " + line);
        Assert.True(aws.TryGetProperty("Timestamp", out var stamp) && stamp.ValueKind == JsonValueKind.Number, "no _aws.Timestamp: " + line);
        Assert.True(stamp.TryGetInt64(out var timestamp), "_aws.Timestamp is not whole milliseconds: " + line);
        // Milliseconds since the epoch: after 2001 and before 2286 (seconds would be far below the first bound).
        Assert.InRange(timestamp, 1_000_000_000_000, 9_999_999_999_999);
        var directives = aws.GetProperty("CloudWatchMetrics");
        Assert.True(directives.GetArrayLength() >= 1, "no metric directive: " + line);
        var metrics = new List<EmfMetricLine>();
        string? ns = null;
        foreach (var directive in directives.EnumerateArray())
        {
            ns = directive.GetProperty("Namespace").GetString();
            Assert.False(string.IsNullOrEmpty(ns), "empty namespace: " + line);
            var sets = directive.GetProperty("Dimensions").EnumerateArray()
                .Select(set => (IReadOnlyList<string>)set.EnumerateArray().Select(key => key.GetString()!).ToList()).ToList();
            foreach (var key in sets.SelectMany(set => set))
            {
                Assert.True(root.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.String && value.GetString()!.Length > 0,
                    $"dimension {key} has no string value: {line}");
            }
            Assert.True(sets.Count >= 1, "no dimension set (a metric without dimensions has one empty set): " + line);
            Assert.All(sets, set => Assert.True(set.Count <= 30, "more than 30 dimensions in a set: " + line));
            var definitions = directive.GetProperty("Metrics").EnumerateArray().ToList();
            Assert.InRange(definitions.Count, 1, 100);
            foreach (var definition in definitions)
            {
                var name = definition.GetProperty("Name").GetString()!;
                var unit = definition.TryGetProperty("Unit", out var u) ? u.GetString()! : "None";
                Assert.Contains(unit, Units);
                Assert.True(root.TryGetProperty(name, out var value) && IsNumeric(value), $"metric {name} has no numeric value: {line}");
                metrics.Add(new EmfMetricLine(ns!, name, unit, sets, value.ValueKind == JsonValueKind.Number ? value.GetDouble() : value[0].GetDouble()));
            }
        }
        return new EmfDocument(ns!, timestamp, metrics, root);
    }

    /// <summary>A top-level string member (a dimension's value).</summary>
    public string? Text(string name) => Root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static bool IsNumeric(JsonElement value) =>
        value.ValueKind == JsonValueKind.Number
        || (value.ValueKind == JsonValueKind.Array && value.GetArrayLength() is > 0 and <= 100 && value.EnumerateArray().All(v => v.ValueKind == JsonValueKind.Number));
}
