using System.Runtime.CompilerServices;
using ChatOps.IntentRecognition;
using ChatOps.LarkBotAdapter.Conversations;
using ChatOps.LarkBotAdapter.Local;
using ChatOps.LarkBotAdapter.Replies;
using ChatOps.LarkBotAdapter.Routing;
using ChatOps.LarkBotAdapter.Scrubbing;
using ChatOps.LarkBotAdapter.Tests.AppHost;
using ChatOps.LarkBotAdapter.Tests.Channels.Slack;
using ChatOps.LarkBotAdapter.Tests.Ops;
using ChatOps.TestKit.Lark;
using ChatOps.TestKit.QCli;
using ChatOps.TestKit.Slack;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.LarkBotAdapter.Tests.Scrubbing;

/// <summary>Every reply the app posts, whatever its route and platform, leaves without credentials.</summary>
public sealed class OutboundScrubbingTests
{
    private const string OpsQuestion = "@_user_1 is checkout-api throwing 5xx in prod right now?";

    private static readonly string CliDump =
        $"I checked the instance profile.\n\n[default]\naws_access_key_id = {FakeSecrets.AccessKeyId}\naws_secret_access_key = {FakeSecrets.SecretKey}\n"
        + $"aws_session_token = {FakeSecrets.SessionToken}\n\n{FakeSecrets.PrivateKey}\n\nThe pods of i-0abc1234def567890 are healthy.\n";

    [Fact]
    public async Task OpsAnswerInALarkThreadShowsMasksInsteadOfCredentials()
    {
        await using var proxy = await FakeQCliProxy.StartAsync();
        // Cut mid-secret, as a CLI flushing its output may.
        var cut = CliDump.IndexOf("bPxRfi", StringComparison.Ordinal);
        proxy.Enqueue(FakeQCliReply.Chunks(CliDump[..cut], CliDump[cut..]).Done());
        await using var app = await ChatOpsApp.StartAsync(s =>
        {
            foreach (var (key, value) in OpsTesting.Settings(proxy.BaseAddress))
            {
                s[key] = value;
            }
        });
        var message = LarkEvent.Text(OpsQuestion).MentioningBot();

        (await app.SendLarkAsync(message.Build())).Dispose();
        await app.WhenIdleAsync();

        var shown = string.Join("\n", app.Lark.RepliesTo(message.MessageId).Select(r => r.Text));
        FakeSecrets.AssertNoneIn(shown);
        Assert.Contains("aws_secret_access_key = [redacted: aws secret key]", shown, StringComparison.Ordinal);
        Assert.Contains("aws_session_token = [redacted: session token]", shown, StringComparison.Ordinal);
        Assert.Contains("[redacted: private key]", shown, StringComparison.Ordinal);
        Assert.Contains("i-0abc1234def567890 are healthy", shown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KnowledgeAnswerOnSlackShowsMasksInsteadOfTokens()
    {
        var responder = new ScriptedResponder(Intent.KnowledgeBase,
            $"The bot runs with SLACK_BOT_TOKEN={FakeSecrets.SlackBotToken} and calls Lark with Authorization: Bearer {FakeSecrets.LarkTenantToken}.", chunkSize: 7);
        await using var app = await SlackApp.StartAsync(services => services.AddSingleton<IResponder>(responder));

        (await app.SendEventAsync(SlackEvent.AppMention("according to the runbook, how do I restart checkout-api?").Build())).Dispose();
        await app.WhenIdleAsync();

        var shown = string.Join("\n", app.Slack.Posts.Select(p => p.Text));
        Assert.NotEmpty(app.Slack.Posts);
        FakeSecrets.AssertNoneIn(shown);
        Assert.Contains("SLACK_BOT_TOKEN=[redacted: token]", shown, StringComparison.Ordinal);
        Assert.Contains("Bearer [redacted: bearer token]", shown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ErrorReplyCarryingACredentialIsMasked()
    {
        var failing = new FailingResponder($"the backend said: password={FakeSecrets.Password} was rejected for {FakeSecrets.AccessKeyId}.");
        await using var app = await ChatOpsApp.StartAsync(services: s => s.AddSingleton<IResponder>(failing));
        var message = LarkEvent.Text("@_user_1 what is the SLA of checkout-api?").MentioningBot();

        (await app.SendLarkAsync(message.Build())).Dispose();
        await app.WhenIdleAsync();

        var reply = Assert.Single(app.Lark.RepliesTo(message.MessageId));
        Assert.Contains("I couldn't answer this", reply.Text, StringComparison.Ordinal);
        Assert.Contains("password=[redacted: password]", reply.Text, StringComparison.Ordinal);
        FakeSecrets.AssertNoneIn(reply.Text);
    }

    // The scrubber wraps the capabilities a channel has and adds none: a channel without live replies, reactions or
    // approval cards stays without them, so callers take the plain paths (segments, no reaction, the text approval).
    [Fact]
    public void ScrubbingAddsNoCapabilityTheChannelLacks()
    {
        var channel = ScrubbingChatChannel.Wrap(new ConsoleChatChannel());

        Assert.Null(channel.Live);
        Assert.Null(channel.Reactions);
        Assert.Null(channel.Approvals);
        Assert.Same(channel, ScrubbingChatChannel.Wrap(channel));
    }

    // The embedded `ask` registers the console channel the way the platforms register theirs (decorated with the
    // scrubber), and posts to it through ChatChannels like any platform.
    [Fact]
    public async Task ConsoleChannelAndNoticesAreScrubbedToo()
    {
        var console = new ConsoleChatChannel();
        using var services = new ServiceCollection().AddSingleton(console).AddScrubbedChatChannel<ConsoleChatChannel>().AddTransient<ChatChannels>().BuildServiceProvider();
        var channel = services.GetRequiredService<ChatChannels>().For(ConsoleChatChannel.PlatformName);
        var turn = OpsTesting.Turn("what is in the credentials file?");

        await channel.PostAsync(turn, new Segment(0, $"aws_secret_access_key={FakeSecrets.SecretKey}", IsFinal: false), CancellationToken.None);
        await channel.PostNoticeAsync(turn, "notice", $"token: {FakeSecrets.SlackAppToken}", CancellationToken.None);

        Assert.Equal(
            ["aws_secret_access_key=[redacted: aws secret key]", "token: [redacted: token]"],
            console.Segments.Select(s => s.Markdown));
    }

    private sealed class FailingResponder(string message) : IResponder
    {
        public Intent Intent => Intent.KnowledgeBase;

        public async IAsyncEnumerable<string> AnswerAsync(ResponderRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await Task.Yield();
            throw new ResponderException(message, retryable: false);
#pragma warning disable CS0162 // an iterator needs a yield
            yield break;
#pragma warning restore CS0162
        }
    }
}
