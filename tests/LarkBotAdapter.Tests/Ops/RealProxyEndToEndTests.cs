using System.Text.RegularExpressions;
using ChatOps.IntentRecognition;
using ChatOps.LarkBotAdapter.Tests.AppHost;
using ChatOps.TestKit.Lark;
using ChatOps.TestKit.QCli;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.LarkBotAdapter.Tests.Ops;

/// <summary>Lark → the app → the real Q CLI proxy (in process, fake CLI) → thread replies.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed partial class RealProxyEndToEndTests : IAsyncLifetime
{
    private QCliProxyHost _proxy = null!;

    public async Task InitializeAsync() => _proxy = await QCliProxyHost.StartAsync();

    public async Task DisposeAsync() => await _proxy.DisposeAsync();

    private Task<ChatOpsApp> StartAppAsync(Uri proxy, Action<IServiceCollection>? services = null) => ChatOpsApp.StartAsync(
        s =>
        {
            s["QLI_SERVER_ADDRESS"] = proxy.ToString();
            s["QCLI_PROXY_SECRET"] = QCliProxyHost.Secret;
            s["OPS_ALLOW_EVERYONE"] = "true";
            s["QCLI_AWS_PROFILES"] = "prod,uat";
            s["QCLI_PROXY_RETRY_DELAY_MS"] = "10";
        },
        services);

    [Fact]
    public async Task OpsMentionRunsTheCliWithTheChosenProfileAndTheCleanOutputArrivesInTheThread()
    {
        await using var app = await StartAppAsync(_proxy.BaseAddress);
        var message = LarkEvent.Text("@_user_1 is checkout-api throwing 5xx in prod right now?").MentioningBot();
        (await app.SendLarkAsync(message.Build())).Dispose();
        await app.WhenIdleAsync();

        var text = string.Join("\n", app.Lark.RepliesTo(message.MessageId).Select(r => r.Text));
        Assert.Contains("QUESTION=is checkout-api throwing 5xx in prod right now?", text, StringComparison.Ordinal);
        Assert.Contains("ARG=--agent\nARG=chatops", text, StringComparison.Ordinal);
        Assert.Contains("AWS_PROFILE=prod", text, StringComparison.Ordinal);
        Assert.Contains("QCLI_PROXY_SECRET=\n", text + "\n", StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Thinking", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("!touch {marker}")]
    [InlineData("/tools trust-all")]
    [InlineData("！touch {marker}")]
    public async Task AChatMessageStartingWithCliSyntaxIsAnsweredAsAQuestionAndRunsNothing(string question)
    {
        await using var app = await StartAppAsync(_proxy.BaseAddress, s => s.AddSingleton<IIntentClassifier>(new FixedClassifier(Intent.AwsOps)));
        var marker = Path.Combine(Path.GetTempPath(), "chatops-e2e-pwned-" + Guid.NewGuid().ToString("N"));
        var message = LarkEvent.Text("@_user_1 " + question.Replace("{marker}", marker, StringComparison.Ordinal)).MentioningBot();
        (await app.SendLarkAsync(message.Build())).Dispose();
        await app.WhenIdleAsync();

        var text = string.Join("\n", app.Lark.RepliesTo(message.MessageId).Select(r => r.Text));
        Assert.Contains("INPUT=plain", text, StringComparison.Ordinal);
        Assert.DoesNotContain("INPUT=shell", text, StringComparison.Ordinal);
        Assert.DoesNotContain("INPUT=slash", text, StringComparison.Ordinal);
        Assert.False(File.Exists(marker), "the chat message was run as a shell command on the proxy host");
    }

    [Fact]
    public async Task LongCliOutputArrivesAsSeveralOrderedSegments()
    {
        // The fake CLI picks its behaviour from the prompt, so the route is fixed here instead of classified.
        await using var app = await StartAppAsync(_proxy.BaseAddress, s => s.AddSingleton<IIntentClassifier>(new FixedClassifier(Intent.AwsOps)));
        var message = LarkEvent.Text("@_user_1 @lines 400 0").MentioningBot();
        (await app.SendLarkAsync(message.Build())).Dispose();
        await app.WhenIdleAsync();

        var replies = app.Lark.RepliesTo(message.MessageId);
        Assert.True(replies.Count >= 2, $"expected several segments, got {replies.Count}");
        var stamps = replies.SelectMany(r => Stamp().Matches(r.Text)).Select(m => decimal.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(400, stamps.Count);
        Assert.Equal(stamps.Order(), stamps);
    }

    [Fact]
    public async Task ProxyDownEndsInAnExplicitErrorReply()
    {
        var closed = new Uri("http://127.0.0.1:9/");
        await using var app = await StartAppAsync(closed);
        var message = LarkEvent.Text("@_user_1 is checkout-api throwing 5xx in prod right now?").MentioningBot();
        (await app.SendLarkAsync(message.Build())).Dispose();
        await app.WhenIdleAsync();

        var reply = Assert.Single(app.Lark.RepliesTo(message.MessageId));
        Assert.Contains("QLI_SERVER_ADDRESS", reply.Text, StringComparison.Ordinal);
        Assert.Contains("⚠️", reply.Text, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"T=(\d+\.\d+)")]
    private static partial Regex Stamp();

    private sealed class FixedClassifier(Intent intent) : IIntentClassifier
    {
        public Task<IntentResult> ClassifyAsync(IntentRequest request, CancellationToken cancellationToken) =>
            Task.FromResult(new IntentResult(intent, "test"));
    }
}
