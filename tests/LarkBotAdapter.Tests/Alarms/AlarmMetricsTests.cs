using System.Net;
using ChatOps.IntentRecognition;
using ChatOps.LarkBotAdapter.Telemetry;
using ChatOps.LarkBotAdapter.Tests.AppHost;
using ChatOps.LarkBotAdapter.Tests.Ops;
using ChatOps.TestKit.Metrics;
using ChatOps.TestKit.QCli;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.LarkBotAdapter.Tests.Alarms;

/// <summary>Alarm threads as EMF lines: one AlarmEpisodes and one AlarmDiagnoses per episode (a redelivery adds none),
/// and the time from the notification to the diagnosis's first text, each by Channel.</summary>
public sealed class AlarmMetricsTests : IAsyncLifetime
{
    private FakeQCliProxy _proxy = null!;

    public async Task InitializeAsync() => _proxy = await FakeQCliProxy.StartAsync();

    public async Task DisposeAsync() => await _proxy.DisposeAsync();

    [Fact]
    public async Task AnEpisodeItsDiagnosisAndItsFirstTextAreCountedOnce()
    {
        var stdout = new StringWriter();
        await using var app = await ChatOpsApp.StartAsync(
            s =>
            {
                foreach (var (key, value) in OpsTesting.Settings(_proxy.BaseAddress))
                {
                    s[key] = value;
                }
                s["CHATOPS_EVENTS_ENDPOINT"] = "true";
                s["CHATOPS_METRICS"] = "emf";
                s["ALARM_CHANNELS"] = "lark:oc_alarms";
            },
            s => s.AddSingleton<IIntentClassifier>(new AlarmThreadTests.FixedClassifier(Intent.OffTopic)).AddSingleton(new EmfOutput(stdout)));

        var firing = AlarmNotification.Firing().Event("m-1");
        Assert.Equal(HttpStatusCode.OK, await AlarmThreadTests.PostEventAsync(app, firing));
        Assert.Equal(HttpStatusCode.OK, await AlarmThreadTests.PostEventAsync(app, AlarmNotification.Firing().Event("m-2")));

        var metrics = stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(EmfDocument.Parse)
            .SelectMany(d => d.Metrics.Select(m => (Document: d, Metric: m)))
            .ToList();
        var episode = Assert.Single(metrics, m => m.Metric.Name == "AlarmEpisodes");
        Assert.Equal(("lark", "ALARM"), (episode.Document.Text("Channel"), episode.Document.Text("State")));
        Assert.Equal("lark", Assert.Single(metrics, m => m.Metric.Name == "AlarmDiagnoses").Document.Text("Channel"));
        var first = Assert.Single(metrics, m => m.Metric.Name == "AlarmFirstDiagnosisText");
        Assert.Equal("Milliseconds", first.Metric.Unit);
        Assert.True(first.Metric.Value >= 0);
        // The diagnosis is an answer on the ops route too.
        Assert.Contains(metrics, m => m.Metric.Name == "Answers" && m.Document.Text("Route") == "aws_ops");
    }
}
