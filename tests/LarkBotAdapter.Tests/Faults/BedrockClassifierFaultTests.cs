using System.Net;
using ChatOps.LarkBotAdapter.Tests.AppHost;
using ChatOps.TestKit.Bedrock;
using ChatOps.TestKit.Lark;

namespace ChatOps.LarkBotAdapter.Tests.Faults;

/// <summary>Bedrock Converse (the intent classifier) failing for every call: the local classifier takes over and the
/// asker still gets the answer, with no sign of the outage.</summary>
public sealed class BedrockClassifierFaultTests : IAsyncLifetime
{
    // Long enough that, even on a loaded machine, every attempt reaches the fake and gets its error back.
    private const string GenerousAttemptTimeout = "30";

    private FakeBedrockRuntime _bedrock = null!;
    private ChatOpsApp? _app;

    public async Task InitializeAsync() => _bedrock = await FakeBedrockRuntime.StartAsync();

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
        await _bedrock.DisposeAsync();
    }

    private async Task<ChatOpsApp> StartAppAsync(string attemptTimeoutSeconds = GenerousAttemptTimeout)
    {
        _app = await ChatOpsApp.StartAsync(s =>
        {
            s["RECOGNITION_MODEL_ID"] = "anthropic.claude-3-haiku-20240307-v1:0";
            s["INTENT_LOCAL_CONFIDENCE"] = "1";
            s["AWS_ENDPOINT_URL_BEDROCK_RUNTIME"] = _bedrock.BaseAddress.ToString();
            s["CHATOPS_HTTP_ATTEMPT_TIMEOUT_SECONDS"] = attemptTimeoutSeconds;
        });
        return _app;
    }

    /// <summary>Asks one question while every Converse call fails; checks the local fallback answered it.</summary>
    private async Task AskDuringOutageAsync(ChatOpsApp app, FakeBedrockOutcome outage)
    {
        _bedrock.Always = outage;
        var message = LarkEvent.Text("@_user_1 tell me a joke").MentioningBot();

        using (var ack = await app.SendLarkAsync(message.Build()))
        {
            Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        }
        await app.WhenIdleAsync();

        var answer = UserView.Answer(app, message.MessageId);
        Assert.StartsWith("Sorry, that's outside what I can help with.", answer, StringComparison.Ordinal);
        Assert.Contains(app.Logs.Lines, l => l.Contains("classified off_topic by local-fallback", StringComparison.Ordinal));
        UserView.NoSecrets(app);
    }

    [Theory]
    [InlineData("throttling storm")]
    [InlineData("server errors")]
    public async Task EveryConverseCallFailingFallsBackToTheLocalClassifierAndAnswers(string outage)
    {
        var app = await StartAppAsync();

        await AskDuringOutageAsync(app, outage == "throttling storm" ? FakeBedrockOutcome.Throttle() : FakeBedrockOutcome.ServerError());

        Assert.Equal(4, _bedrock.Requests.Count); // the first attempt and three retries, then no more
    }

    [Fact]
    public async Task StalledConverseFallsBackToTheLocalClassifierAndAnswers()
    {
        // Each attempt gives up after 1 s, so a stalled Bedrock costs four attempts, not minutes.
        var app = await StartAppAsync(attemptTimeoutSeconds: "1");

        await AskDuringOutageAsync(app, FakeBedrockOutcome.Stall(TimeSpan.FromHours(1)));

        // An attempt cut short before the fake has read the request is not seen there, so only the bound is exact.
        Assert.InRange(_bedrock.Requests.Count, 1, 4);
    }

    [Fact]
    public async Task ConverseRecoveringServesTheNextQuestionFromBedrockAgain()
    {
        var app = await StartAppAsync();
        _bedrock.Always = FakeBedrockOutcome.Throttle();
        var first = LarkEvent.Text("@_user_1 tell me a joke").MentioningBot();
        (await app.SendLarkAsync(first.Build())).Dispose();
        await app.WhenIdleAsync();

        _bedrock.Always = null;
        var second = LarkEvent.Text("@_user_1 tell me another joke").MentioningBot();
        (await app.SendLarkAsync(second.Build())).Dispose();
        await app.WhenIdleAsync();

        UserView.Answer(app, first.MessageId);
        UserView.Answer(app, second.MessageId);
        Assert.Contains(app.Logs.Lines, l => l.Contains("classified knowledge_base by bedrock", StringComparison.OrdinalIgnoreCase));
    }
}
