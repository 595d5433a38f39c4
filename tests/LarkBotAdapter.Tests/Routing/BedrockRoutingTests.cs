using System.Net;
using ChatOps.LarkBotAdapter.Tests.AppHost;
using ChatOps.TestKit.Bedrock;
using ChatOps.TestKit.Lark;

namespace ChatOps.LarkBotAdapter.Tests.Routing;

/// <summary>Intent by Bedrock Converse alone (INTENT_LOCAL_CONFIDENCE=1) (a loopback fake that checks SigV4) through the whole app.</summary>
public sealed class BedrockRoutingTests : IAsyncLifetime
{
    private const string ModelId = "anthropic.claude-3-haiku-20240307-v1:0";
    private FakeBedrockRuntime _bedrock = null!;
    private ChatOpsApp _app = null!;

    public async Task InitializeAsync()
    {
        _bedrock = await FakeBedrockRuntime.StartAsync(text =>
            text.Contains("joke", StringComparison.OrdinalIgnoreCase) ? "off_topic"
            : text.Contains("prod", StringComparison.OrdinalIgnoreCase) || text.Contains("uat", StringComparison.OrdinalIgnoreCase) ? "aws_ops"
            : "knowledge_base");
        _app = await ChatOpsApp.StartAsync(settings =>
        {
            settings["RECOGNITION_MODEL_ID"] = ModelId;
            // Bedrock decides every question here (CascadeRoutingTests covers local first).
            settings["INTENT_LOCAL_CONFIDENCE"] = "1";
            settings["BEDROCK_REGION"] = "us-west-2";
            settings["AWS_ENDPOINT_URL_BEDROCK_RUNTIME"] = _bedrock.BaseAddress.ToString();
            settings["KNOWLEDGE_SUMMARY"] = "runbooks for checkout-api, SLA definitions";
        });
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _bedrock.DisposeAsync();
    }

    [Fact]
    public async Task ConverseCallIsSignedForBedrockWithTheModelIdEscaped()
    {
        (await _app.SendLarkAsync(LarkEvent.Text("@_user_1 tell me a joke").MentioningBot().Build())).Dispose();
        await _app.WhenIdleAsync();
        var call = Assert.Single(_bedrock.Requests);
        Assert.Contains("anthropic.claude-3-haiku-20240307-v1%3A0", call.RawTarget, StringComparison.Ordinal);
        var authorization = call.Header("Authorization") ?? "";
        Assert.StartsWith("AWS4-HMAC-SHA256 Credential=test-access-key-id/", authorization, StringComparison.Ordinal);
        Assert.Contains("/us-west-2/bedrock/aws4_request", authorization, StringComparison.Ordinal);
        Assert.Contains("runbooks for checkout-api", call.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConverseThrottledTwiceThenOkIsAnswered()
    {
        _bedrock.Enqueue(FakeBedrockOutcome.Throttle(), FakeBedrockOutcome.Throttle());
        var message = LarkEvent.Text("@_user_1 tell me a joke").MentioningBot();
        using var response = await _app.SendLarkAsync(message.Build());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await _app.WhenIdleAsync();
        Assert.Equal(3, _bedrock.Requests.Count);
        var reply = Assert.Single(_app.Lark.RepliesTo(message.MessageId));
        Assert.Contains("Sorry", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConverseDownFallsBackToTheLocalClassifierAndStillAnswers()
    {
        _bedrock.Enqueue(Enumerable.Range(0, 4).Select(_ => FakeBedrockOutcome.ServiceUnavailable()).ToArray());
        var message = LarkEvent.Text("@_user_1 what's a good recipe for lunch?").MentioningBot();
        (await _app.SendLarkAsync(message.Build())).Dispose();
        await _app.WhenIdleAsync();
        Assert.Equal(4, _bedrock.Requests.Count);
        var reply = Assert.Single(_app.Lark.RepliesTo(message.MessageId));
        Assert.Contains("Sorry", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FollowUpWithoutMentionCarriesTheThreadToTheClassifier()
    {
        var first = LarkEvent.Text("@_user_1 is checkout-api throwing 5xx in prod?").MentioningBot();
        (await _app.SendLarkAsync(first.Build())).Dispose();
        await _app.WhenIdleAsync();
        var followUp = LarkEvent.Text("and in uat?").InThread(first.MessageId, "omt_1");
        (await _app.SendLarkAsync(followUp.Build())).Dispose();
        await _app.WhenIdleAsync();

        Assert.Equal(2, _bedrock.Requests.Count);
        Assert.Contains("checkout-api throwing 5xx in prod", _bedrock.Requests[1].Body, StringComparison.Ordinal);
        var reply = Assert.Single(_app.Lark.RepliesTo(followUp.MessageId));
        Assert.Contains("QLI_SERVER_ADDRESS", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnconfiguredKnowledgeBaseRouteSaysWhatToSet()
    {
        var message = LarkEvent.Text("@_user_1 what is the escalation policy?").MentioningBot();
        (await _app.SendLarkAsync(message.Build())).Dispose();
        await _app.WhenIdleAsync();
        var reply = Assert.Single(_app.Lark.RepliesTo(message.MessageId));
        Assert.Contains("KNOWLEDGE_BASE_ID", reply.Text, StringComparison.Ordinal);
    }
}
