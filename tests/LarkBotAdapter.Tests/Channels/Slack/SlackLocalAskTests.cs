using System.Text.Json;
using ChatOps.LarkBotAdapter.Local;
using ChatOps.LarkBotAdapter.Tests.Local;

namespace ChatOps.LarkBotAdapter.Tests.Channels.Slack;

/// <summary><c>ask --channel slack</c>: the answer as Slack receives it, without a workspace.</summary>
public sealed class SlackLocalAskTests
{
    private static async Task<(int Exit, string Out, string Err)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await LocalCommands.RunAsync(args, new StringReader(""), output, error, [AskCache.Fresh()]);
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task AskForSlackPrintsMrkdwn()
    {
        var empty = Directory.CreateTempSubdirectory("chatops-no-cli-").FullName;
        using var output = new StringWriter();
        var exit = await LocalCommands.RunAsync(["ask", "--channel", "slack", "is p99 < 200ms & are 5xx errors up on checkout-api in prod right now?"],
            new StringReader(""), output, new StringWriter(), [new("PATH", empty), AskCache.Fresh()]);
        var stdout = output.ToString();
        Directory.Delete(empty);
        Assert.Equal(AskOutcome.RouteUnavailable, exit);
        Assert.StartsWith("intent: aws_ops (local)", stdout, StringComparison.Ordinal);
        Assert.Contains("QLI_SERVER_ADDRESS", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("--channel", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AskJsonForSlackCarriesTheMrkdwnText()
    {
        var (exit, stdout, _) = await RunAsync("ask", "--json", "--channel", "slack", "tell me a joke about penguins & **cats**");
        Assert.Equal(0, exit);
        using var doc = JsonDocument.Parse(stdout);
        Assert.Equal("tell me a joke about penguins & **cats**", doc.RootElement.GetProperty("question").GetString());
        var text = Assert.Single(doc.RootElement.GetProperty("segments").EnumerateArray()).GetProperty("markdown").GetString();
        Assert.Contains("Sorry", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownChannelIsRefused()
    {
        var (exit, _, stderr) = await RunAsync("ask", "--channel", "teams", "hello");
        Assert.Equal(2, exit);
        Assert.Contains("slack", stderr, StringComparison.Ordinal);
    }
}
