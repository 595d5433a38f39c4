using System.Text.Json;
using ChatOps.LarkBotAdapter.Local;

namespace ChatOps.LarkBotAdapter.Tests.Local;

/// <summary>The README's first command: the real pipeline on embedded defaults.</summary>
public sealed class LocalCommandsTests
{
    private static async Task<(int Exit, string Out, string Err)> RunAsync(string stdin, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await LocalCommands.RunAsync(args, new StringReader(stdin), output, error, [AskCache.Fresh()]);
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task AskJsonPrintsTheIntentAndTheSegments()
    {
        var (exit, stdout, _) = await RunAsync("", "ask", "--json", "tell me a joke about penguins");
        Assert.Equal(0, exit);
        using var doc = JsonDocument.Parse(stdout);
        Assert.Equal("off_topic", doc.RootElement.GetProperty("intent").GetString());
        Assert.Equal("local", doc.RootElement.GetProperty("source").GetString());
        var segment = Assert.Single(doc.RootElement.GetProperty("segments").EnumerateArray());
        Assert.True(segment.GetProperty("final").GetBoolean());
        Assert.Contains("Sorry", segment.GetProperty("markdown").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AskPrintsAReadableAnswer()
    {
        // Neither a proxy nor a CLI (PATH is an empty folder): the answer says how to get either, and the exit code says it failed.
        var empty = Directory.CreateTempSubdirectory("chatops-no-cli-").FullName;
        using var output = new StringWriter();
        var exit = await LocalCommands.RunAsync(["ask", "查询一下生产环境", "EKS", "集群的节点状态"], new StringReader(""), output, new StringWriter(), [new("PATH", empty), AskCache.Fresh()]);
        var stdout = output.ToString();
        Assert.Equal(AskOutcome.RouteUnavailable, exit);
        Assert.StartsWith("intent: aws_ops (local)", stdout, StringComparison.Ordinal);
        Assert.Contains("QLI_SERVER_ADDRESS", stdout, StringComparison.Ordinal);
        Directory.Delete(empty);
    }

    [Fact]
    public async Task AskWithoutAQuestionExplainsUsage()
    {
        var (exit, _, stderr) = await RunAsync("", "ask");
        Assert.Equal(2, exit);
        Assert.Contains("ask needs a question", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClassifyPrintsOneJsonLinePerQuestion()
    {
        var (exit, stdout, _) = await RunAsync("tell me a joke\n\nwho do I escalate a P1 to according to the on-call runbook?\n", "classify");
        Assert.Equal(0, exit);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        using var first = JsonDocument.Parse(lines[0]);
        Assert.Equal("tell me a joke", first.RootElement.GetProperty("text").GetString());
        Assert.Equal("off_topic", first.RootElement.GetProperty("intent").GetString());
        using var second = JsonDocument.Parse(lines[1]);
        Assert.Equal("knowledge_base", second.RootElement.GetProperty("intent").GetString());
    }
}
