using ChatOps.LarkBotAdapter.Tests.AppHost;
using ChatOps.LarkBotAdapter.Tests.Knowledge.Bedrock;
using ChatOps.TestKit.Bedrock;
using ChatOps.TestKit.Lark;

namespace ChatOps.LarkBotAdapter.Tests.Faults;

/// <summary>Bedrock Knowledge Bases (RetrieveAndGenerateStream) failing before, during or without ending its stream.</summary>
public sealed class KnowledgeBaseFaultTests : IAsyncLifetime
{
    private const string Question = "@_user_1 where is the runbook for restarting checkout-api?";

    // Far beyond any answer here, so a loaded machine never turns a fault under test into a timeout.
    private const string GenerousDeadline = "60";

    // Only the stall test waits for the deadline: short, yet long enough for the first events to arrive under load.
    private const string ShortDeadline = "2";

    private FakeBedrockAgentRuntime _kb = null!;
    private ChatOpsApp? _app;

    public async Task InitializeAsync() => _kb = await FakeBedrockAgentRuntime.StartAsync();

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
        await _kb.DisposeAsync();
    }

    private async Task<ChatOpsApp> StartAppAsync(string answerDeadlineSeconds)
    {
        var settings = KnowledgeHost.Settings(_kb);
        _app = await ChatOpsApp.StartAsync(values =>
        {
            foreach (var (key, value) in settings)
            {
                values[key] = value;
            }
            values["CHATOPS_ANSWER_TIMEOUT_SECONDS"] = answerDeadlineSeconds;
        });
        return _app;
    }

    [Theory]
    [InlineData("throttled", "Bedrock is throttling knowledge-base requests")]
    [InlineData("server error", "Bedrock Knowledge Bases had a temporary failure (InternalServerException).")]
    public async Task ErrorBeforeTheStreamIsRetriedThenRepliedAsOneExplicitError(string fault, string expected)
    {
        var outcome = fault == "throttled" ? FakeKnowledgeOutcome.Throttle() : FakeKnowledgeOutcome.ServerError();
        _kb.Enqueue(outcome, outcome, outcome, outcome);
        var app = await StartAppAsync(GenerousDeadline);
        var message = LarkEvent.Text(Question).MentioningBot();

        (await app.SendLarkAsync(message.Build())).Dispose();
        await app.WhenIdleAsync();

        Assert.Equal(4, _kb.Requests.Count);
        var (before, error) = UserView.EndsInError(app, message.MessageId);
        Assert.Empty(before);
        Assert.StartsWith("⚠️ I couldn't answer this: " + expected, error, StringComparison.Ordinal);
        Assert.EndsWith("Please try again in a minute.", error, StringComparison.Ordinal);
        UserView.NoSecrets(app);
    }

    [Fact]
    public async Task ExceptionEventMidStreamShowsTheTextSoFarThenAnExplicitError()
    {
        _kb.Enqueue(FakeKnowledgeOutcome.Answering(FakeKnowledgeAnswer.Default).FailingAfter(3, "throttlingException", "Rate exceeded."));
        var app = await StartAppAsync(GenerousDeadline);
        var message = LarkEvent.Text(Question).MentioningBot();

        (await app.SendLarkAsync(message.Build())).Dispose();
        await app.WhenIdleAsync();

        Assert.Single(_kb.Requests); // a stream that has shown text is never replayed
        var (before, error) = UserView.EndsInError(app, message.MessageId);
        Assert.StartsWith("Restart the checkout pods", before, StringComparison.Ordinal);
        Assert.StartsWith("⚠️ The answer above was cut short: Bedrock is throttling", error, StringComparison.Ordinal);
        UserView.NoSecrets(app);
    }

    [Fact]
    public async Task StalledStreamEndsAtTheAnswerDeadlineWithTheTextSoFarAndATimeoutNotice()
    {
        var never = new TaskCompletionSource().Task;
        _kb.Enqueue(FakeKnowledgeOutcome.Answering(FakeKnowledgeAnswer.Default).PausingAfter(3, never));
        var app = await StartAppAsync(ShortDeadline);
        var message = LarkEvent.Text(Question).MentioningBot();

        (await app.SendLarkAsync(message.Build())).Dispose();
        await app.WhenIdleAsync();

        Assert.Single(_kb.Requests);
        var (before, error) = UserView.EndsInError(app, message.MessageId);
        Assert.StartsWith("Restart the checkout pods", before, StringComparison.Ordinal);
        Assert.StartsWith("⚠️ The answer above was cut short: the answer took longer than", error, StringComparison.Ordinal);
        UserView.NoSecrets(app);
    }
}
