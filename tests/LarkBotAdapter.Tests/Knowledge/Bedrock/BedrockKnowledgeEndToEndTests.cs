using ChatOps.LarkBotAdapter.Knowledge.Bedrock;
using ChatOps.LarkBotAdapter.Tests.AppHost;
using ChatOps.TestKit.Bedrock;
using ChatOps.TestKit.Lark;
using Microsoft.Extensions.Configuration;

namespace ChatOps.LarkBotAdapter.Tests.Knowledge.Bedrock;

/// <summary>The whole app (Lark in, thread replies out) with the route registered over the not-configured one.</summary>
public sealed class BedrockKnowledgeEndToEndTests : IAsyncLifetime
{
    private FakeBedrockAgentRuntime _kb = null!;
    private ChatOpsApp _app = null!;

    public async Task InitializeAsync()
    {
        _kb = await FakeBedrockAgentRuntime.StartAsync();
        var settings = KnowledgeHost.Settings(_kb);
        // KNOWLEDGE_BASE_ID in the settings is what switches the app's knowledge route to Bedrock.
        _app = await ChatOpsApp.StartAsync(values =>
        {
            foreach (var (key, value) in settings)
            {
                values[key] = value;
            }
        });
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _kb.DisposeAsync();
    }

    [Fact]
    public async Task QuestionIsAnsweredInItsThreadWithSourcesAndTheFollowUpContinuesTheSession()
    {
        var first = LarkEvent.Text("@_user_1 where is the runbook for restarting checkout-api?").MentioningBot();
        (await _app.SendLarkAsync(first.Build())).Dispose();
        await _app.WhenIdleAsync();
        var answer = string.Concat(_app.Lark.RepliesTo(first.MessageId).Select(r => r.Text));
        Assert.Contains("rolling restart.[1]", answer, StringComparison.Ordinal);
        Assert.Contains("s3://test-runbooks/checkout/restart.md", answer, StringComparison.Ordinal);

        var followUp = LarkEvent.Text("and what is its SLA in the runbook?").InThread(first.MessageId, "omt_kb_1");
        (await _app.SendLarkAsync(followUp.Build())).Dispose();
        await _app.WhenIdleAsync();
        Assert.Equal(2, _kb.Requests.Count);
        Assert.Equal(Assert.Single(_kb.Sessions), (string?)_kb.Requests[1].BodyJson()["sessionId"]);
        Assert.NotEmpty(_app.Lark.RepliesTo(followUp.MessageId));
    }

    [Fact]
    public async Task AccessDeniedIsRepliedAsAnExplicitError()
    {
        _kb.Enqueue(FakeKnowledgeOutcome.AccessDenied());
        var message = LarkEvent.Text("@_user_1 what does the runbook say about the escalation policy?").MentioningBot();
        (await _app.SendLarkAsync(message.Build())).Dispose();
        await _app.WhenIdleAsync();
        var reply = Assert.Single(_app.Lark.RepliesTo(message.MessageId));
        Assert.StartsWith("⚠️ I couldn't answer this:", reply.Text, StringComparison.Ordinal);
        Assert.Contains("bedrock:RetrieveAndGenerate", reply.Text, StringComparison.Ordinal);
    }
}
