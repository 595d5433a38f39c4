using System.Net;
using ChatOps.IntentRecognition;
using ChatOps.LarkBotAdapter.Routing;
using ChatOps.LarkBotAdapter.Telemetry;
using ChatOps.LarkBotAdapter.Tests.AppHost;
using ChatOps.TestKit.Lark;
using ChatOps.TestKit.Metrics;
using ChatOps.TestKit.QCli;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.LarkBotAdapter.Tests.Telemetry;

/// <summary>
/// What the two programs really emit: the bot's stdout EMF lines for a question answered and voted on, the bot's
/// declared instruments, and the real proxy's EMF lines at a loopback agent after a run of the fake CLI.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
internal static class EmittedMetrics
{
    public const string Question = "@_user_1 according to the runbook, how do I restart checkout-api?";

    /// <summary>Bot lines, and the metrics (namespace "ChatOps") its catalog declares.</summary>
    public static async Task<(IReadOnlyList<string> Lines, IReadOnlyList<EmfMetricLine> Declared)> FromBotAsync(
        Action<Dictionary<string, string?>>? settings = null)
    {
        var stdout = new StringWriter();
        var lark = await ChatOpsApp.StartLarkAsync();
        lark.CardKitAvailable = true;
        await using var _ = lark;
        await using var app = await ChatOpsApp.StartAsync(
            s =>
            {
                s["CHATOPS_METRICS"] = "emf";
                settings?.Invoke(s);
            },
            services => services
                .AddSingleton<IResponder>(new ScriptedResponder(Intent.KnowledgeBase, "Restart it with a rolling deploy."))
                .AddSingleton(new EmfOutput(stdout)),
            lark);
        var message = LarkEvent.Text(Question).MentioningBot();
        (await app.SendLarkAsync(message.Build())).Dispose();
        await app.WhenIdleAsync();
        var up = Assert.Single(app.Lark.CardsIn(message.MessageId)).Buttons()[0].Value;
        using (var click = await app.SendLarkCardAsync(LarkCardClick.Button(up).By("ou_alice").Build()))
        {
            Assert.Equal(HttpStatusCode.OK, click.StatusCode);
        }
        var declared = app.Services.GetRequiredService<ChatOpsMetrics>().Catalog.Metrics
            .Select(m => new EmfMetricLine("ChatOps", m.Name, m.Unit, m.DimensionSets.Select(s => (IReadOnlyList<string>)s).ToList(), 0))
            .ToList();
        return (Lines(stdout.ToString()), declared);
    }

    /// <summary>The real proxy's lines after one run (and its first gauge sample).</summary>
    public static async Task<IReadOnlyList<string>> FromProxyAsync()
    {
        await using var agent = FakeEmfAgent.Tcp();
        await using var proxy = await QCliProxyHost.StartAsync(s => s["AWS_EMF_AGENT_ENDPOINT"] = agent.Endpoint);
        Assert.Equal("done", (await proxy.ChatAsync("hello")).Terminal.Type);
        foreach (var name in new[] { "ProxyRuns", "ProxyCliDuration", "ProxyOutputBytes", "ProxyWaitTime", "ProxyRunsRunning", "ProxyRunsWaiting" })
        {
            await agent.WaitForAsync(l => l.Contains($"\"{name}\"", StringComparison.Ordinal));
        }
        return agent.Lines;
    }

    public static IReadOnlyList<string> Lines(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
