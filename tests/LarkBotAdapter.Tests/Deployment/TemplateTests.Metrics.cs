using System.Text.Json;
using System.Text.Json.Nodes;
using ChatOps.LarkBotAdapter.Tests.Telemetry;
using ChatOps.TestKit.Metrics;

namespace ChatOps.LarkBotAdapter.Tests.Deployment;

/// <summary>The dashboard and alarms in template.yaml against the metrics the two programs really emit.</summary>
public sealed partial class TemplateTests
{
    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task EveryMetricTheDashboardAndAlarmsNameIsOneTheCodeEmits()
    {
        var (botLines, declared) = await EmittedMetrics.FromBotAsync();
        var proxyLines = await EmittedMetrics.FromProxyAsync();
        var lines = botLines.Concat(proxyLines).Select(EmfDocument.Parse).SelectMany(d => d.Metrics).ToList();
        // The catalog covers what one answer does not exercise (approvals, tokens, refusals); the lines prove the
        // catalog is what is written.
        Assert.All(lines.Where(l => declared.Any(d => d.Name == l.Name)), l =>
            Assert.All(l.DimensionSets, set => Assert.Contains(Key(l.Namespace, l.Name, set), declared.SelectMany(Keys))));
        var emitted = lines.Concat(declared).SelectMany(Keys).ToHashSet(StringComparer.Ordinal);

        var named = DashboardMetrics().Concat(AlarmMetrics()).ToList();

        Assert.True(named.Count >= 20, $"only {named.Count} metrics found in the dashboard and alarms");
        var unknown = named.Where(n => !emitted.Contains(n)).Distinct().ToList();
        Assert.True(unknown.Count == 0, "named in template.yaml but not emitted:\n" + string.Join('\n', unknown)
            + "\nemitted:\n" + string.Join('\n', emitted.Order(StringComparer.Ordinal)));
    }

    [Fact]
    public void MetricAlarmsNotifyTheAlarmTopicAndTheProxyHostAlarmNeedsTheProxyStack()
    {
        var alarms = _template.ResourcesOfType("AWS::CloudWatch::Alarm").ToDictionary(a => a.Id, a => a.Resource);
        foreach (var id in new[] { "AnswerErrorRateAlarm", "FirstTextLatencyAlarm", "ProxyQueueSaturationAlarm", "ProxyUnhealthyHostsAlarm" })
        {
            var properties = alarms[id]["Properties"]!;
            Assert.Equal("""{"Fn::If":["HasAlarmTopic",[{"Ref":"AlarmTopicArn"}],{"Ref":"AWS::NoValue"}]}""", properties["AlarmActions"]!.ToJsonString());
            Assert.Equal("notBreaching", properties["TreatMissingData"]!.GetValue<string>());
        }
        Assert.Equal("HasProxyTargetGroup", alarms["ProxyUnhealthyHostsAlarm"]["Condition"]!.GetValue<string>());
        Assert.Equal("p99", alarms["FirstTextLatencyAlarm"]["Properties"]!["ExtendedStatistic"]!.GetValue<string>());
        Assert.Equal(["Ref:ProxyLoadBalancerFullName", "Ref:ProxyTargetGroupFullName"],
            alarms["ProxyUnhealthyHostsAlarm"]["Properties"]!["Dimensions"]!.AsArray().Select(d => SamTemplate.Strings(d!["Value"]).Single()));
        Assert.Equal(["Ref:MetricsNamespace"], SamTemplate.Strings(_template.Environment["CHATOPS_METRICS_NAMESPACE"]));
        Assert.Equal("emf", _template.Literal("CHATOPS_METRICS"));
    }

    private static IEnumerable<string> Keys(EmfMetricLine metric) => metric.DimensionSets.Select(set => Key(metric.Namespace, metric.Name, set));

    private static string Key(string ns, string name, IEnumerable<string> dimensions) =>
        $"{ns} {name} [{string.Join(",", dimensions.Order(StringComparer.Ordinal))}]";

    private string Namespace => _template.Parameters["MetricsNamespace"]!["Default"]!.GetValue<string>();

    // [namespace, name, dimension, value, …, {options}] rows of every widget; expressions and AWS namespaces are skipped.
    private IEnumerable<string> DashboardMetrics()
    {
        var dashboard = _template.ResourcesOfType("AWS::CloudWatch::Dashboard").Single().Resource;
        var body = dashboard["Properties"]!["DashboardBody"]!["Fn::Sub"]!.GetValue<string>()
            .Replace("${MetricsNamespace}", Namespace, StringComparison.Ordinal)
            .Replace("${AWS::Region}", "us-east-1", StringComparison.Ordinal);
        Assert.DoesNotContain("${", body, StringComparison.Ordinal);
        foreach (var widget in JsonDocument.Parse(body).RootElement.GetProperty("widgets").EnumerateArray())
        {
            foreach (var row in widget.GetProperty("properties").GetProperty("metrics").EnumerateArray())
            {
                var parts = row.EnumerateArray().TakeWhile(p => p.ValueKind == JsonValueKind.String).Select(p => p.GetString()!).ToList();
                if (parts.Count >= 2 && !parts[0].StartsWith("AWS/", StringComparison.Ordinal))
                {
                    Assert.True(parts.Count % 2 == 0, "a dimension without a value: " + row);
                    yield return Key(parts[0], parts[1], parts.Skip(2).Where((_, i) => i % 2 == 0));
                }
            }
        }
    }

    private IEnumerable<string> AlarmMetrics()
    {
        foreach (var (_, alarm) in _template.ResourcesOfType("AWS::CloudWatch::Alarm"))
        {
            var properties = alarm["Properties"]!;
            var metrics = properties["Metrics"]?.AsArray().Select(m => m!["MetricStat"]?["Metric"]).OfType<JsonNode>() ?? [properties];
            foreach (var metric in metrics)
            {
                if (metric["Namespace"] is JsonObject { } ns && ns["Ref"]?.GetValue<string>() == "MetricsNamespace")
                {
                    var dimensions = metric["Dimensions"]?.AsArray().Select(d => d!["Name"]!.GetValue<string>()) ?? [];
                    yield return Key(Namespace, metric["MetricName"]!.GetValue<string>(), dimensions);
                }
            }
        }
    }
}
