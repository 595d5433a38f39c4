using ChatOps.LarkBotAdapter.Tests.AppHost;
using ChatOps.TestKit.Bedrock;
using ChatOps.TestKit.Lark;

namespace ChatOps.LarkBotAdapter.Tests.Routing;

/// <summary>With RECOGNITION_MODEL_ID set, the embedded classifier answers what it is sure of and Bedrock (a loopback fake)
/// the rest; the thread's follow-up rule holds whoever decides.</summary>
public sealed class CascadeRoutingTests : IAsyncLifetime
{
    private FakeBedrockRuntime _bedrock = null!;

    public async Task InitializeAsync() => _bedrock = await FakeBedrockRuntime.StartAsync(text =>
        text.Contains("prod", StringComparison.OrdinalIgnoreCase) || text.Contains("uat", StringComparison.OrdinalIgnoreCase) ? "aws_ops" : "knowledge_base");

    public async Task DisposeAsync() => await _bedrock.DisposeAsync();

    [Fact]
    public async Task ByDefaultASureLocalAnswerNeedsNoConverseCall()
    {
        await using var app = await StartAsync(localConfidence: null);
        var message = LarkEvent.Text("@_user_1 tell me a joke").MentioningBot();
        (await app.SendLarkAsync(message.Build())).Dispose();
        await app.WhenIdleAsync();

        Assert.Empty(_bedrock.Requests);
        Assert.Contains("Sorry", Assert.Single(app.Lark.RepliesTo(message.MessageId)).Text, StringComparison.Ordinal);
        Assert.Contains(app.Logs.Lines, l => l.Contains("classified off_topic by local", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1")]
    public async Task FollowUpKeepsTheOpsRouteOnEitherPath(string localConfidence)
    {
        await using var app = await StartAsync(localConfidence);
        var first = LarkEvent.Text("@_user_1 is checkout-api throwing 5xx in prod right now?").MentioningBot();
        (await app.SendLarkAsync(first.Build())).Dispose();
        await app.WhenIdleAsync();
        var followUp = LarkEvent.Text("and in uat?").InThread(first.MessageId, "omt_1");
        (await app.SendLarkAsync(followUp.Build())).Dispose();
        await app.WhenIdleAsync();

        // 0: the embedded classifier decides both (no call); 1: Bedrock decides both, seeing the thread's route.
        Assert.Equal(localConfidence == "0" ? 0 : 2, _bedrock.Requests.Count);
        Assert.True(localConfidence == "0" || ((string?)_bedrock.Requests[1].BodyJson()["messages"]?[0]?["content"]?[0]?["text"])?.Contains("route=\"aws_ops\"", StringComparison.Ordinal) == true);
        Assert.Contains("QLI_SERVER_ADDRESS", Assert.Single(app.Lark.RepliesTo(followUp.MessageId)).Text, StringComparison.Ordinal);
    }

    private Task<ChatOpsApp> StartAsync(string? localConfidence) => ChatOpsApp.StartAsync(settings =>
    {
        settings["RECOGNITION_MODEL_ID"] = "us.amazon.nova-micro-v1:0";
        settings["AWS_ENDPOINT_URL_BEDROCK_RUNTIME"] = _bedrock.BaseAddress.ToString();
        settings["INTENT_LOCAL_CONFIDENCE"] = localConfidence;
    });
}
