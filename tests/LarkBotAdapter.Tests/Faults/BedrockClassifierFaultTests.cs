using System.Net;
using ChatOps.LarkBotAdapter.Tests.AppHost;
using ChatOps.TestKit.Bedrock;
using ChatOps.TestKit.Lark;

namespace ChatOps.LarkBotAdapter.Tests.Faults;

/// <summary>Bedrock Converse (the intent classifier) failing for every call: the local classifier takes over and the
/// asker still gets the answer, with no sign of the outage.</summary>
public sealed class BedrockClassifierFaultTests : IAsyncLifetime
{
    private FakeBedrockRuntime _bedrock = null!;
    private ChatOpsApp _app = null!;

    public async Task InitializeAsync()
    {
        _bedrock = await FakeBedrockRuntime.StartAsync();
        _app = await ChatOpsApp.StartAsync(s =>
        {
            s["RECOGNITION_MODEL_ID"] = "anthropic.claude-3-haiku-20240307-v1:0";
            s["AWS_ENDPOINT_URL_BEDROCK_RUNTIME"] = _bedrock.BaseAddress.ToString();
            // Each attempt gives up after 200 ms, so a stalled Bedrock costs four attempts, not minutes.
            s["CHATOPS_HTTP_ATTEMPT_TIMEOUT_SECONDS"] = "0.2";
        });
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _bedrock.DisposeAsync();
    }

    public static TheoryData<string> Outages => ["throttling storm", "server errors", "stall"];

    private static FakeBedrockOutcome Outage(string name) => name switch
    {
        "throttling storm" => FakeBedrockOutcome.Throttle(),
        "server errors" => FakeBedrockOutcome.ServerError(),
        _ => FakeBedrockOutcome.Stall(TimeSpan.FromHours(1)),
    };

    [Theory]
    [MemberData(nameof(Outages))]
    public async Task EveryConverseCallFailingFallsBackToTheLocalClassifierAndAnswers(string outage)
    {
        _bedrock.Always = Outage(outage);
        var message = LarkEvent.Text("@_user_1 tell me a joke").MentioningBot();

        using (var ack = await _app.SendLarkAsync(message.Build()))
        {
            Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        }
        await _app.WhenIdleAsync();

        Assert.Equal(4, _bedrock.Requests.Count); // the first attempt and three retries, then no more
        var answer = UserView.Answer(_app, message.MessageId);
        Assert.StartsWith("Sorry, that's outside what I can help with.", answer, StringComparison.Ordinal);
        Assert.Contains(_app.Logs.Lines, l => l.Contains("classified off_topic by local-fallback", StringComparison.Ordinal));
        UserView.NoSecrets(_app);
    }

    [Fact]
    public async Task ConverseRecoveringServesTheNextQuestionFromBedrockAgain()
    {
        _bedrock.Always = FakeBedrockOutcome.Throttle();
        var first = LarkEvent.Text("@_user_1 tell me a joke").MentioningBot();
        (await _app.SendLarkAsync(first.Build())).Dispose();
        await _app.WhenIdleAsync();

        _bedrock.Always = null;
        var second = LarkEvent.Text("@_user_1 tell me another joke").MentioningBot();
        (await _app.SendLarkAsync(second.Build())).Dispose();
        await _app.WhenIdleAsync();

        UserView.Answer(_app, first.MessageId);
        UserView.Answer(_app, second.MessageId);
        Assert.Contains(_app.Logs.Lines, l => l.Contains("classified knowledge_base by bedrock", StringComparison.OrdinalIgnoreCase));
    }
}
