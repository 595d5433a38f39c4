using System.Text;
using ChatOps.LarkBotAdapter.Tests.AppHost;
using ChatOps.LarkBotAdapter.Tests.Ops;
using ChatOps.TestKit.Lark;
using ChatOps.TestKit.QCli;

namespace ChatOps.LarkBotAdapter.Tests.Faults;

/// <summary>The Q CLI proxy busy, cutting its stream, never finishing or never answering: the asker gets an explicit
/// reply, and the question is never sent twice (the CLI may already be acting on it).</summary>
public sealed class OpsProxyFaultTests : IAsyncLifetime
{
    private const string Question = "@_user_1 is checkout-api throwing 5xx in prod right now?";
    // Far beyond any answer here, so a loaded machine never turns a fault under test into a timeout.
    private const string GenerousDeadline = "60";

    // Only the hang test waits for the deadline: short, yet long enough for the first chunks to arrive under load.
    private const string ShortDeadline = "2";

    private FakeQCliProxy _proxy = null!;
    private ChatOpsApp? _app;

    public async Task InitializeAsync() => _proxy = await FakeQCliProxy.StartAsync();

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
        await _proxy.DisposeAsync();
    }

    private static string Findings(int count)
    {
        var text = new StringBuilder("## Metrics\n\n");
        for (var i = 1; i <= count; i++)
        {
            text.Append($"Finding {i}: the 5xx rate of checkout-api stayed below the alarm threshold in this window.\n\n");
        }
        return text.ToString();
    }

    /// <summary>Starts the app with this answer deadline, asks the question and waits for the worker to finish.</summary>
    private async Task<(ChatOpsApp App, string MessageId)> AskAsync(string answerDeadlineSeconds)
    {
        var ops = OpsTesting.Settings(_proxy.BaseAddress);
        _app = await ChatOpsApp.StartAsync(s =>
        {
            foreach (var (key, value) in ops)
            {
                s[key] = value;
            }
            s["CHATOPS_ANSWER_TIMEOUT_SECONDS"] = answerDeadlineSeconds;
        });
        var message = LarkEvent.Text(Question).MentioningBot();
        (await _app.SendLarkAsync(message.Build())).Dispose();
        await _app.WhenIdleAsync();
        return (_app, message.MessageId);
    }

    [Fact]
    public async Task BusyProxyIsRepliedAsBusyWithoutRetrying()
    {
        _proxy.Enqueue(FakeQCliReply.Busy());
        var (app, messageId) = await AskAsync(GenerousDeadline);

        Assert.Single(_proxy.Requests);
        var (before, error) = UserView.EndsInError(app, messageId);
        Assert.Empty(before);
        Assert.Equal("⚠️ I couldn't answer this: the ops assistant is busy with other questions right now. Please try again in a minute.", error);
        UserView.NoSecrets(app);
    }

    [Fact]
    public async Task StreamDroppedHalfWayShowsWhatArrivedThenSaysItWasCutOff()
    {
        _proxy.Enqueue(FakeQCliReply.Chunks(Findings(30)).Pause(TimeSpan.FromMilliseconds(20)).Drop());
        var (app, messageId) = await AskAsync(GenerousDeadline);

        Assert.Single(_proxy.Requests);
        var (before, error) = UserView.EndsInError(app, messageId);
        Assert.Contains("Finding 30:", before, StringComparison.Ordinal);
        Assert.StartsWith("⚠️ The answer above was cut short: the answer was cut off: the connection to the ops proxy ended", error, StringComparison.Ordinal);
        UserView.NoSecrets(app);
    }

    [Fact]
    public async Task StreamThatNeverFinishesEndsAtTheAnswerDeadlineAndClosesTheConnection()
    {
        _proxy.Enqueue(FakeQCliReply.Chunks(Findings(3)).Hang());
        var (app, messageId) = await AskAsync(ShortDeadline);

        Assert.Single(_proxy.Requests);
        var (before, error) = UserView.EndsInError(app, messageId);
        Assert.Contains("Finding 3:", before, StringComparison.Ordinal);
        Assert.StartsWith("⚠️ The answer above was cut short: the answer took longer than", error, StringComparison.Ordinal);
        await UserView.EventuallyAsync(() => _proxy.Disconnects == 1, "the proxy should see the bot hang up, ending the CLI run");
        UserView.NoSecrets(app);
    }

    [Fact]
    public async Task ProxyThatNeverSendsHeadersIsRepliedAfterTheHeadersTimeoutWithoutRetrying()
    {
        await using var proxy = await FakeQCliProxy.StartAsync();
        proxy.Enqueue(FakeQCliReply.Silent());
        var ops = OpsTesting.Settings(proxy.BaseAddress);
        await using var app = await ChatOpsApp.StartAsync(s =>
        {
            foreach (var (key, value) in ops)
            {
                s[key] = value;
            }
            s["QCLI_PROXY_HEADERS_TIMEOUT_SECONDS"] = "1";
        });
        var message = LarkEvent.Text(Question).MentioningBot();
        (await app.SendLarkAsync(message.Build())).Dispose();
        await app.WhenIdleAsync();

        Assert.Single(proxy.Requests);
        var (before, error) = UserView.EndsInError(app, message.MessageId);
        Assert.Empty(before);
        Assert.Equal("⚠️ I couldn't answer this: the ops proxy accepted the question but did not start answering in time. Please try again in a minute.", error);
        UserView.NoSecrets(app);
    }
}
