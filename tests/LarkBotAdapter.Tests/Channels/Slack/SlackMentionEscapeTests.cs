using ChatOps.IntentRecognition;
using ChatOps.LarkBotAdapter.Channels.Slack;
using ChatOps.LarkBotAdapter.Channels.Slack.Live;
using ChatOps.LarkBotAdapter.Routing;
using ChatOps.LarkBotAdapter.Tests.AppHost;
using ChatOps.TestKit.Slack;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.LarkBotAdapter.Tests.Channels.Slack;

/// <summary>Model text cannot ping on Slack: &lt;!channel&gt;, &lt;!here&gt;, &lt;!everyone&gt; and &lt;@U…&gt; in an answer reach
/// Slack as text, in segmented posts (mrkdwn escapes &amp; &lt; &gt;) and in streamed answers (a zero-width space after the
/// &lt;).</summary>
public sealed class SlackMentionEscapeTests
{
    private const string Answer = "Heads up <!channel> <!here> <!everyone> <@U0VICTIM> <!subteam^S0OPS>, see <https://evil.example|the console>.\n\nRun `a <!here> b` next.\n";

    private static readonly SlackStreamLimits Fast = new() { AppendSpacing = TimeSpan.FromMilliseconds(1), UpdateSpacing = TimeSpan.FromMilliseconds(1) };

    private static async Task<SlackApp> AskAsync(bool streaming)
    {
        var app = await SlackApp.StartAsync(services =>
        {
            services.AddSingleton<IResponder>(new ScriptedResponder(Intent.KnowledgeBase, Answer, chunkSize: 7));
            services.AddSingleton(Fast);
        });
        app.Slack.StreamingAvailable = streaming;
        (await app.SendEventAsync(SlackEvent.AppMention("according to the runbook, how do I restart checkout-api?").Build())).Dispose();
        await app.WhenIdleAsync();
        return app;
    }

    private static void AssertPingsNobody(string wire)
    {
        foreach (var ping in new[] { "<!channel>", "<!here>", "<!everyone>", "<@U0VICTIM>", "<!subteam" })
        {
            Assert.DoesNotContain(ping, wire, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task SpecialMentionsInASegmentedAnswerReachSlackEscaped()
    {
        await using var app = await AskAsync(streaming: false);

        var post = Assert.Single(app.Slack.Posts);

        AssertPingsNobody(post.Text);
        // The last segment carries the feedback buttons: its markdown block is standard Markdown, broken like a stream.
        var markdown = System.Text.Json.Nodes.JsonNode.Parse(post.Blocks!)![0]!["text"]!.GetValue<string>();
        AssertPingsNobody(markdown);
        Assert.Contains("<\u200B!channel>", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("<https://evil", post.Text, StringComparison.Ordinal);
        Assert.Contains("&lt;!channel&gt; &lt;!here&gt; &lt;!everyone&gt; &lt;@U0VICTIM&gt;", post.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SpecialMentionsInAStreamedAnswerNeverReachTheStream()
    {
        await using var app = await AskAsync(streaming: true);

        var stream = Assert.Single(app.Slack.Streams);

        Assert.All(stream.History, AssertPingsNobody);
        Assert.Contains("Heads up <\u200B!channel> <\u200B!here>", stream.Text, StringComparison.Ordinal);
        Assert.Contains("see <https://evil.example|the console>", stream.Text, StringComparison.Ordinal);
    }
}
