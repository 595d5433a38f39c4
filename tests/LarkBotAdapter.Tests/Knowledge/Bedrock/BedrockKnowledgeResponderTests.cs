using ChatOps.LarkBotAdapter.Knowledge.Bedrock;
using ChatOps.TestKit.Bedrock;
using static ChatOps.TestKit.Bedrock.FakeKnowledgeAnswer;

namespace ChatOps.LarkBotAdapter.Tests.Knowledge.Bedrock;

/// <summary>The responder through its real registration (SigV4, Polly) against the loopback Agent Runtime.</summary>
public sealed class BedrockKnowledgeResponderTests : IAsyncLifetime
{
    private const string Restart = "s3://test-runbooks/checkout/restart.md";
    private const string Sla = "https://wiki.example.test/display/OPS/SLA";
    private KnowledgeHost _host = null!;

    private static FakeKnowledgeAnswer ThreeParts => Of(
        Part("Roll back the last deployment first.", FakeSource.S3(Restart)),
        Part(" Then page the on-call engineer.\n\n"),
        Part("The SLA is 99.9% per month.", FakeSource.Confluence(Sla, "Service SLAs"), FakeSource.S3(Restart)));

    private const string ThreePartsShown =
        "Roll back the last deployment first.[1] Then page the on-call engineer.\n\nThe SLA is 99.9% per month.[2][1]\n\n" +
        "**Sources**\n1. restart.md — s3://test-runbooks/checkout/restart.md\n2. [Service SLAs](https://wiki.example.test/display/OPS/SLA)\n";

    public async Task InitializeAsync() => _host = await KnowledgeHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task StreamedAnswerIsYieldedInOrderWithMarkersAndSources()
    {
        _host.Fake.Enqueue(FakeKnowledgeOutcome.Answering(ThreeParts with { ChunkSize = 7 }));
        var chunks = await _host.AskAsync(KnowledgeHost.Request("How do I recover checkout?"));
        Assert.True(chunks.Count > 5, $"expected many chunks, got {chunks.Count}");
        Assert.Equal(ThreePartsShown, string.Concat(chunks));
        Assert.EndsWith("/retrieveAndGenerateStream", Assert.Single(_host.Fake.Requests).RawTarget, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TextIsYieldedBeforeTheStreamEnds()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _host.Fake.Enqueue(FakeKnowledgeOutcome.Answering(ThreeParts with { ChunkSize = 7 }).PausingAfter(3, gate.Task));
        await using var answer = _host.Responder.AnswerAsync(KnowledgeHost.Request("How do I recover checkout?"), CancellationToken.None)
            .GetAsyncEnumerator();
        Assert.True(await answer.MoveNextAsync());
        Assert.Equal("Roll ba", answer.Current);
        Assert.False(gate.Task.IsCompleted);
        gate.SetResult();
        var rest = new List<string>();
        while (await answer.MoveNextAsync())
        {
            rest.Add(answer.Current);
        }
        Assert.Equal(ThreePartsShown, "Roll ba" + string.Concat(rest));
    }

    [Fact]
    public async Task NestedCitationsAndExclusiveSpanEndsAreMarkedAlike()
    {
        _host.Fake.Enqueue(FakeKnowledgeOutcome.Answering(ThreeParts with { NestedCitations = true, ExclusiveSpanEnds = true }));
        Assert.Equal(ThreePartsShown, string.Concat(await _host.AskAsync(KnowledgeHost.Request("How do I recover checkout?"))));
    }

    [Fact]
    public async Task WholeAnswerIsUsedWhenStreamingIsOff()
    {
        await using var host = await KnowledgeHost.StartAsync(s => s["KNOWLEDGE_STREAMING"] = "false");
        host.Fake.Enqueue(FakeKnowledgeOutcome.Answering(ThreeParts));
        var attributes = new Dictionary<string, string>();
        var chunks = await host.AskAsync(KnowledgeHost.Request("How do I recover checkout?", attributes));
        Assert.Equal(ThreePartsShown, string.Concat(chunks));
        Assert.EndsWith("/retrieveAndGenerate", Assert.Single(host.Fake.Requests).RawTarget, StringComparison.Ordinal);
        Assert.Equal(Assert.Single(host.Fake.Sessions), attributes[BedrockKnowledgeResponder.SessionAttribute]);
    }

    [Fact]
    public async Task RequestIsSignedForBedrockAndCarriesTheConfiguration()
    {
        await using var host = await KnowledgeHost.StartAsync(s =>
        {
            s["KNOWLEDGE_RESULTS"] = "8";
            s["KNOWLEDGE_GUARDRAIL_ID"] = "gr0test1";
            s["KNOWLEDGE_GUARDRAIL_VERSION"] = "2";
            s["KNOWLEDGE_PROMPT_TEMPLATE"] = "Answer from $search_results$ only.";
        });
        await host.AskAsync(KnowledgeHost.Request("What is the SLA?"));
        var call = Assert.Single(host.Fake.Requests);
        Assert.StartsWith("AWS4-HMAC-SHA256 Credential=test-access-key-id/", call.Header("Authorization"), StringComparison.Ordinal);
        Assert.Contains("/us-west-2/bedrock/aws4_request", call.Header("Authorization"), StringComparison.Ordinal);
        var body = call.BodyJson();
        Assert.Equal("What is the SLA?", (string?)body["input"]?["text"]);
        Assert.Null(body["sessionId"]);
        var kb = body["retrieveAndGenerateConfiguration"]!["knowledgeBaseConfiguration"]!;
        Assert.Equal("KNOWLEDGE_BASE", (string?)body["retrieveAndGenerateConfiguration"]!["type"]);
        Assert.Equal("TESTKB0001", (string?)kb["knowledgeBaseId"]);
        Assert.Equal("arn:aws:bedrock:us-west-2::foundation-model/anthropic.claude-3-haiku-20240307-v1:0", (string?)kb["modelArn"]);
        Assert.Equal(8, (int?)kb["retrievalConfiguration"]!["vectorSearchConfiguration"]!["numberOfResults"]);
        Assert.Equal("gr0test1", (string?)kb["generationConfiguration"]!["guardrailConfiguration"]!["guardrailId"]);
        Assert.Equal("2", (string?)kb["generationConfiguration"]!["guardrailConfiguration"]!["guardrailVersion"]);
        Assert.Equal("Answer from $search_results$ only.", (string?)kb["generationConfiguration"]!["promptTemplate"]!["textPromptTemplate"]);
    }

    [Fact]
    public async Task FollowUpSendsTheStoredSessionId()
    {
        var attributes = new Dictionary<string, string>();
        await _host.AskAsync(KnowledgeHost.Request("What is the SLA?", attributes));
        var session = attributes[BedrockKnowledgeResponder.SessionAttribute];
        await _host.AskAsync(KnowledgeHost.Request("And for payments?", attributes));
        Assert.Equal(2, _host.Fake.Requests.Count);
        Assert.Null(_host.Fake.Requests[0].BodyJson()["sessionId"]);
        Assert.Equal(session, (string?)_host.Fake.Requests[1].BodyJson()["sessionId"]);
        Assert.Equal(session, attributes[BedrockKnowledgeResponder.SessionAttribute]);
    }

    [Fact]
    public async Task ExpiredSessionIsDroppedAndTheQuestionAskedOnceWithoutIt()
    {
        var attributes = new Dictionary<string, string>();
        await _host.AskAsync(KnowledgeHost.Request("What is the SLA?", attributes));
        var expired = attributes[BedrockKnowledgeResponder.SessionAttribute];
        _host.Fake.ForgetSessions();
        var chunks = await _host.AskAsync(KnowledgeHost.Request("And for payments?", attributes));
        Assert.StartsWith("Restart the checkout pods", string.Concat(chunks), StringComparison.Ordinal);
        Assert.Equal(3, _host.Fake.Requests.Count);
        Assert.Equal(expired, (string?)_host.Fake.Requests[1].BodyJson()["sessionId"]);
        Assert.Null(_host.Fake.Requests[2].BodyJson()["sessionId"]);
        var renewed = attributes[BedrockKnowledgeResponder.SessionAttribute];
        Assert.NotEqual(expired, renewed);
        Assert.Contains(renewed, _host.Fake.Sessions);
    }

    [Fact]
    public async Task SessionRejectedTwiceIsNotRetriedAgain()
    {
        _host.Fake.Enqueue(FakeKnowledgeOutcome.InvalidSession());
        var attributes = new Dictionary<string, string> { [BedrockKnowledgeResponder.SessionAttribute] = "forgotten-session-1" };
        var (_, error) = await _host.AskFailingAsync(KnowledgeHost.Request("What is the SLA?", attributes));
        Assert.Equal(2, _host.Fake.Requests.Count);
        Assert.Null(_host.Fake.Requests[1].BodyJson()["sessionId"]);
        Assert.Contains("KNOWLEDGE_", error.Message, StringComparison.Ordinal);
        Assert.False(attributes.ContainsKey(BedrockKnowledgeResponder.SessionAttribute));
    }

    [Fact]
    public async Task MalformedStoredSessionIsNeverSent()
    {
        var attributes = new Dictionary<string, string> { [BedrockKnowledgeResponder.SessionAttribute] = "not a session id!" };
        await _host.AskAsync(KnowledgeHost.Request("What is the SLA?", attributes));
        Assert.Null(Assert.Single(_host.Fake.Requests).BodyJson()["sessionId"]);
        Assert.Equal(Assert.Single(_host.Fake.Sessions), attributes[BedrockKnowledgeResponder.SessionAttribute]);
    }
}
