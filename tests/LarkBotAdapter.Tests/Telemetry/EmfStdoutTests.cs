using ChatOps.LarkBotAdapter.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ChatOps.TestKit.Metrics;

namespace ChatOps.LarkBotAdapter.Tests.Telemetry;

/// <summary>The bot's metrics as EMF lines on stdout: one valid document per line, for an answer, its ack and a vote.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class EmfStdoutTests
{
    [Fact]
    public async Task AnAnswerAnAckAndAVoteAreValidEmfLines()
    {
        var (lines, _) = await EmittedMetrics.FromBotAsync();

        var documents = lines.Select(EmfDocument.Parse).ToList();
        var metrics = documents.SelectMany(d => d.Metrics.Select(m => (Document: d, Metric: m))).ToList();
        Assert.All(documents, d => Assert.Equal("ChatOps", d.Namespace));
        var answer = Assert.Single(metrics, m => m.Metric.Name == "Answers");
        Assert.Equal(("knowledge_base", "lark", "ok", 1.0), (answer.Document.Text("Route"), answer.Document.Text("Channel"), answer.Document.Text("Outcome"), answer.Metric.Value));
        Assert.Contains(answer.Metric.DimensionSets, set => set.SequenceEqual(["Route"]));
        Assert.Contains(answer.Metric.DimensionSets, set => set.Count == 0);
        foreach (var latency in new[] { "ClassifierLatency", "FirstTextLatency", "AnswerLatency" })
        {
            var line = Assert.Single(metrics, m => m.Metric.Name == latency);
            Assert.Equal("Milliseconds", line.Metric.Unit);
            Assert.True(line.Metric.Value >= 0);
        }
        var first = Assert.Single(metrics, m => m.Metric.Name == "FirstTextLatency").Metric.Value;
        Assert.True(first <= Assert.Single(metrics, m => m.Metric.Name == "AnswerLatency").Metric.Value);
        var vote = Assert.Single(metrics, m => m.Metric.Name == "FeedbackVotes");
        Assert.Equal(("knowledge_base", "up"), (vote.Document.Text("Route"), vote.Document.Text("Vote")));
        Assert.Contains(vote.Metric.DimensionSets, set => set.SequenceEqual(["Route", "Vote"]));
        Assert.Equal(2, metrics.Count(m => m.Metric.Name == "AckLatency" && m.Document.Text("Channel") == "lark"));
    }

    [Fact]
    public async Task TheNamespaceComesFromTheSetting()
    {
        var (lines, _) = await EmittedMetrics.FromBotAsync(s => s["CHATOPS_METRICS_NAMESPACE"] = "ChatOps/Staging");

        Assert.NotEmpty(lines);
        Assert.All(lines, line => Assert.Equal("ChatOps/Staging", EmfDocument.Parse(line).Namespace));
    }

    [Fact]
    public async Task OffTheLambdaNothingIsWrittenUnlessAsked()
    {
        var (lines, _) = await EmittedMetrics.FromBotAsync(s => s["CHATOPS_METRICS"] = null);

        Assert.Empty(lines);
    }

    [Fact]
    public async Task ABadSettingFailsStartUpNamingIt()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => EmittedMetrics.FromBotAsync(s => s["CHATOPS_METRICS"] = "statsd"));

        Assert.Contains("CHATOPS_METRICS", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void TheConsoleCommandsRegisterNoExporterSoTheirOutputHasNoEmf()
    {
        var settings = new ConfigurationBuilder().AddInMemoryCollection([new("CHATOPS_METRICS", "emf"), new("AWS_LAMBDA_FUNCTION_NAME", "chatops")]).Build();

        var core = new ServiceCollection().AddLogging().AddChatOpsCore(settings);
        var web = new ServiceCollection().AddLogging().AddChatOpsWeb(settings);

        // ask, classify and audit build AddChatOpsCore; only the web app (AddChatOpsWeb) writes EMF.
        Assert.DoesNotContain(core, d => d.ImplementationType == typeof(EmfStdoutExporter));
        Assert.Contains(web, d => d.ImplementationType == typeof(EmfStdoutExporter));
    }
}
