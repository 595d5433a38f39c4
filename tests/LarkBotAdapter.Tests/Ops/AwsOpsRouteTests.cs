using System.Text;
using ChatOps.LarkBotAdapter.Ops;
using ChatOps.LarkBotAdapter.Tests.AppHost;
using ChatOps.TestKit.Lark;
using ChatOps.TestKit.QCli;
using Microsoft.Extensions.Configuration;

namespace ChatOps.LarkBotAdapter.Tests.Ops;

/// <summary>The aws_ops route through the whole app: a Lark @mention, the local classifier, the signed proxy call and
/// the streamed answer as thread replies.</summary>
public sealed class AwsOpsRouteTests : IAsyncLifetime
{
    private const string OpsQuestion = "@_user_1 is checkout-api throwing 5xx in prod right now?";
    private FakeQCliProxy _proxy = null!;

    public async Task InitializeAsync() => _proxy = await FakeQCliProxy.StartAsync();

    public async Task DisposeAsync() => await _proxy.DisposeAsync();

    // QLI_SERVER_ADDRESS and QCLI_PROXY_SECRET in the settings are what switch the app's aws_ops route to the proxy.
    private static Task<ChatOpsApp> StartAsync(Dictionary<string, string?> ops) => ChatOpsApp.StartAsync(settings =>
    {
        foreach (var (key, value) in ops)
        {
            settings[key] = value;
        }
    });

    private static string Paragraphs(string heading, int count)
    {
        var text = new StringBuilder($"## {heading}\n\n");
        for (var i = 1; i <= count; i++)
        {
            text.Append($"{heading} finding {i}: the 5xx rate of checkout-api stayed below the alarm threshold in this window.\n\n");
        }
        return text.ToString();
    }

    [Fact]
    public async Task MentionRoutedToAwsOpsStreamsTheProxysAnswerAsOrderedThreadSegments()
    {
        string[] chunks = [Paragraphs("Metrics", 20), Paragraphs("Logs", 20), Paragraphs("Alarms", 20)];
        _proxy.Enqueue(FakeQCliReply.Chunks(chunks).Done());
        await using var app = await StartAsync(OpsTesting.Settings(_proxy.BaseAddress));
        var message = LarkEvent.Text(OpsQuestion).MentioningBot();

        (await app.SendLarkAsync(message.Build())).Dispose();
        await app.WhenIdleAsync();

        var request = Assert.Single(_proxy.Requests);
        Assert.True(request.Accepted, request.Problem);
        Assert.Equal($"lark:{LarkEvent.DefaultAppId}:{LarkEvent.DefaultChatId}:{message.MessageId}", request.ConversationId);
        Assert.Equal(("prod", "lark", LarkEvent.DefaultSenderId), (request.AwsProfile, request.Channel, request.User));
        Assert.Equal("is checkout-api throwing 5xx in prod right now?", request.Prompt);
        var replies = app.Lark.RepliesTo(message.MessageId);
        Assert.True(replies.Count >= 3, $"expected several segments, got {replies.Count}");
        var shown = string.Join("\n", replies.Select(r => r.Text));
        var positions = new[] { "Metrics finding 1:", "Metrics finding 20:", "Logs finding 1:", "Logs finding 20:", "Alarms finding 20:" }
            .Select(p => shown.IndexOf(p, StringComparison.Ordinal)).ToArray();
        Assert.All(positions, p => Assert.True(p >= 0));
        Assert.Equal(positions.Order(), positions);
        Assert.DoesNotContain("⚠️", shown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProxyDownEndsInAnExplicitErrorReplyInTheThread()
    {
        var ops = OpsTesting.Settings(OpsTesting.ClosedPort());
        await using var app = await StartAsync(ops);
        var message = LarkEvent.Text(OpsQuestion).MentioningBot();

        (await app.SendLarkAsync(message.Build())).Dispose();
        await app.WhenIdleAsync();

        var reply = Assert.Single(app.Lark.RepliesTo(message.MessageId));
        Assert.Contains("I couldn't answer this", reply.Text, StringComparison.Ordinal);
        Assert.Contains("QLI_SERVER_ADDRESS could not be reached", reply.Text, StringComparison.Ordinal);
        Assert.Contains("try again", reply.Text, StringComparison.Ordinal);
        Assert.Equal(3, app.Logs.Lines.Count(l => l.Contains("Q CLI proxy not reachable", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task ProxyErrorAfterPartOfTheAnswerEndsTheThreadWithIt()
    {
        _proxy.Enqueue(FakeQCliReply.Chunks(Paragraphs("Metrics", 30)).Error("failed", "q exited: ThrottlingException from CloudWatch"));
        await using var app = await StartAsync(OpsTesting.Settings(_proxy.BaseAddress));
        var message = LarkEvent.Text(OpsQuestion).MentioningBot();

        (await app.SendLarkAsync(message.Build())).Dispose();
        await app.WhenIdleAsync();

        var replies = app.Lark.RepliesTo(message.MessageId);
        Assert.True(replies.Count >= 2);
        Assert.Contains("cut short", replies[^1].Text, StringComparison.Ordinal);
        Assert.Contains("the AWS CLI failed while answering", replies[^1].Text, StringComparison.Ordinal);
        Assert.DoesNotContain("ThrottlingException", replies[^1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RestrictedChatIsToldSoAndTheProxyIsNotCalled()
    {
        var ops = OpsTesting.Settings(_proxy.BaseAddress);
        ops["OPS_ALLOWED_CHAT_IDS"] = "oc_sre_only";
        await using var app = await StartAsync(ops);
        var message = LarkEvent.Text(OpsQuestion).MentioningBot();

        (await app.SendLarkAsync(message.Build())).Dispose();
        await app.WhenIdleAsync();

        Assert.Contains("restricted", Assert.Single(app.Lark.RepliesTo(message.MessageId)).Text, StringComparison.Ordinal);
        Assert.Empty(_proxy.Requests);
    }

    [Fact]
    public async Task ProxySecretAndSignaturesNeverReachTheLogs()
    {
        await using var app = await StartAsync(OpsTesting.Settings(_proxy.BaseAddress));
        (await app.SendLarkAsync(LarkEvent.Text(OpsQuestion).MentioningBot().Build())).Dispose();
        await app.WhenIdleAsync();

        var signature = Assert.Single(_proxy.Requests).Header("X-ChatOps-Signature")!;
        var logs = string.Join("\n", app.Logs.Lines);
        Assert.Contains("sent to the Q CLI proxy", logs, StringComparison.Ordinal);
        Assert.DoesNotContain(FakeQCliProxy.DefaultSecret, logs, StringComparison.Ordinal);
        Assert.DoesNotContain(signature[3..], logs, StringComparison.Ordinal);
    }

    private const string StderrWithASecret =
        "\u001b[31merror\u001b[0m: failed to load credentials: aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY is not valid\n"
        + "   at q_cli::auth::load (src/auth.rs:42)\n   at q_cli::chat::run (src/chat/mod.rs:1207)\nthread 'main' panicked at 'credentials'";

    [Fact]
    public async Task CliStderrInAnErrorLineReachesTheLogScrubbedAndTheThreadOnlyAsAShortCause()
    {
        _proxy.Enqueue(FakeQCliReply.Chunks().Error("failed", StderrWithASecret));
        await using var app = await StartAsync(OpsTesting.Settings(_proxy.BaseAddress));
        var message = LarkEvent.Text(OpsQuestion).MentioningBot();

        (await app.SendLarkAsync(message.Build())).Dispose();
        await app.WhenIdleAsync();

        var reply = Assert.Single(app.Lark.RepliesTo(message.MessageId)).Text;
        Assert.Equal("⚠️ I couldn't answer this: the AWS CLI failed while answering; the details are in the bot's logs. Please try again in a minute.", reply);
        var logged = Assert.Single(app.Logs.Lines, l => l.Contains("Q CLI proxy reported failed", StringComparison.Ordinal));
        Assert.Contains("failed to load credentials: aws_secret_access_key = [redacted: aws secret key]", logged, StringComparison.Ordinal);
        Assert.Contains("src/auth.rs:42", logged, StringComparison.Ordinal);
        Assert.DoesNotContain("bPxRfiCYEXAMPLEKEY", string.Join("\n", app.Logs.Lines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ErrorLineCauseIsInTheAskersLanguage()
    {
        _proxy.Enqueue(FakeQCliReply.Chunks().Error("timeout", StderrWithASecret));
        await using var app = await StartAsync(OpsTesting.Settings(_proxy.BaseAddress));
        var message = LarkEvent.Text("@_user_1 查询一下生产环境 EKS 集群的节点状态").MentioningBot();

        (await app.SendLarkAsync(message.Build())).Dispose();
        await app.WhenIdleAsync();

        var reply = Assert.Single(app.Lark.RepliesTo(message.MessageId)).Text;
        Assert.Contains("AWS CLI 在时限内没有完成", reply, StringComparison.Ordinal);
        Assert.DoesNotContain("credentials", reply, StringComparison.Ordinal);
    }
}
