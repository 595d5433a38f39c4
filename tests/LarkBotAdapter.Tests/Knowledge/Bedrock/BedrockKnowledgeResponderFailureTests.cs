using ChatOps.LarkBotAdapter.Knowledge.Bedrock;
using ChatOps.TestKit.Bedrock;
using static ChatOps.TestKit.Bedrock.FakeKnowledgeAnswer;

namespace ChatOps.LarkBotAdapter.Tests.Knowledge.Bedrock;

/// <summary>How <see cref="BedrockKnowledgeResponder"/> fails, guards and truncates, against the loopback Agent Runtime.</summary>
public sealed class BedrockKnowledgeResponderFailureTests : IAsyncLifetime
{
    private const string Question = "How do I recover checkout after a bad deploy?";
    private KnowledgeHost _host = null!;

    public async Task InitializeAsync() => _host = await KnowledgeHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task ThrottledTwiceThenAnswered()
    {
        _host.Fake.Enqueue(FakeKnowledgeOutcome.Throttle(), FakeKnowledgeOutcome.Throttle());
        var chunks = await _host.AskAsync(KnowledgeHost.Request(Question));
        Assert.Equal(3, _host.Fake.Requests.Count);
        Assert.Contains("**Sources**", string.Concat(chunks), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThrottledBeyondRetriesIsARetryableFailureThatSaysWhatToDo()
    {
        _host.Fake.Enqueue(Enumerable.Range(0, 4).Select(_ => FakeKnowledgeOutcome.Throttle()).ToArray());
        var (chunks, error) = await _host.AskFailingAsync(KnowledgeHost.Request(Question));
        Assert.Empty(chunks);
        Assert.True(error.Retryable);
        Assert.Contains("quota", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AccessDeniedNamesTheIamActionsWithoutEchoingAws()
    {
        _host.Fake.Enqueue(FakeKnowledgeOutcome.AccessDenied());
        var (_, error) = await _host.AskFailingAsync(KnowledgeHost.Request(Question));
        Assert.False(error.Retryable);
        Assert.Single(_host.Fake.Requests);
        foreach (var action in new[] { "bedrock:RetrieveAndGenerate", "bedrock:Retrieve ", "bedrock:InvokeModel", "KNOWLEDGE_MODEL_ARN" })
        {
            Assert.Contains(action, error.Message, StringComparison.Ordinal);
        }
        Assert.DoesNotContain("arn:aws:sts", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Question, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownKnowledgeBaseNamesKnowledgeBaseId()
    {
        _host.Fake.Enqueue(FakeKnowledgeOutcome.KnowledgeBaseNotFound());
        var (_, error) = await _host.AskFailingAsync(KnowledgeHost.Request(Question));
        Assert.False(error.Retryable);
        Assert.Contains("KNOWLEDGE_BASE_ID", error.Message, StringComparison.Ordinal);
        Assert.Contains("us-west-2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ModelValidationErrorNamesTheModelArn()
    {
        _host.Fake.Enqueue(FakeKnowledgeOutcome.ValidationError("The provided model identifier is invalid."));
        var (_, error) = await _host.AskFailingAsync(KnowledgeHost.Request(Question));
        Assert.False(error.Retryable);
        Assert.Contains("KNOWLEDGE_MODEL_ARN", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GuardrailInterventionIsReportedNeverAnswered()
    {
        _host.Fake.Enqueue(FakeKnowledgeOutcome.GuardrailIntervened());
        var shown = string.Concat(await _host.AskAsync(KnowledgeHost.Request(Question)));
        Assert.Equal("⚠️ The knowledge base's guardrail blocked this answer.", shown);
    }

    [Fact]
    public async Task GuardrailActionOfAWholeAnswerIsReportedNeverAnswered()
    {
        await using var host = await KnowledgeHost.StartAsync(s => s["KNOWLEDGE_STREAMING"] = "false");
        host.Fake.Enqueue(FakeKnowledgeOutcome.GuardrailIntervened());
        var shown = string.Concat(await host.AskAsync(KnowledgeHost.Request(Question)));
        Assert.Equal("⚠️ The knowledge base's guardrail blocked this answer.", shown);
    }

    [Theory]
    [InlineData("internalServerException", true)]
    [InlineData("throttlingException", true)]
    [InlineData("validationException", false)]
    public async Task ExceptionEventMidStreamFailsAfterTheTextSoFar(string exceptionType, bool retryable)
    {
        var answer = Of(Part("Roll back the last deployment first.", FakeSource.S3("s3://test-runbooks/rollback.md"))) with { ChunkSize = 10 };
        _host.Fake.Enqueue(FakeKnowledgeOutcome.Answering(answer).FailingAfter(2, exceptionType, "Something failed."));
        var (chunks, error) = await _host.AskFailingAsync(KnowledgeHost.Request(Question));
        Assert.Equal("Roll back the last d", string.Concat(chunks));
        Assert.Equal(retryable, error.Retryable);
        Assert.Single(_host.Fake.Requests);
    }

    [Fact]
    public async Task LongQuestionIsCutTo1000CharactersWithAOneLineNotice()
    {
        var question = "Why does checkout fail? " + new string('x', 1500);
        var chunks = await _host.AskAsync(KnowledgeHost.Request(question));
        Assert.StartsWith("_Your question is longer than the 1,000 characters", chunks[0], StringComparison.Ordinal);
        Assert.Single(chunks[0].Trim().Split('\n'));
        Assert.Equal(question[..1000], (string?)Assert.Single(_host.Fake.Requests).BodyJson()["input"]?["text"]);
        Assert.Contains("**Sources**", string.Concat(chunks), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChineseQuestionGetsChineseNoticesAndSourcesHeading()
    {
        var question = "结账服务出错时如何回滚？" + new string('请', 1200);
        var shown = string.Concat(await _host.AskAsync(KnowledgeHost.Request(question)));
        Assert.StartsWith("_问题超过了知识库可接受的 1000 个字符", shown, StringComparison.Ordinal);
        Assert.Contains("**来源**", shown, StringComparison.Ordinal);
    }
}
