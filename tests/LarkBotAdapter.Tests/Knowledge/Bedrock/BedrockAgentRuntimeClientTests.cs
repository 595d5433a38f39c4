using System.Net;
using ChatOps.Aws;
using ChatOps.IntentRecognition;
using ChatOps.LarkBotAdapter.Knowledge.Bedrock;
using ChatOps.TestKit.Bedrock;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Configuration;
using static ChatOps.TestKit.Bedrock.FakeKnowledgeAnswer;

namespace ChatOps.LarkBotAdapter.Tests.Knowledge.Bedrock;

/// <summary>The protocol layer alone: what <see cref="BedrockAgentRuntimeClient"/> makes of the wire.</summary>
public sealed class BedrockAgentRuntimeClientTests : IAsyncLifetime
{
    private FakeBedrockAgentRuntime _fake = null!;
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        _fake = await FakeBedrockAgentRuntime.StartAsync();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(KnowledgeHost.Settings(_fake)).Build();
        _services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging()
            .AddBedrockKnowledge(configuration).BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _fake.DisposeAsync();
    }

    private BedrockAgentRuntimeClient Client => _services.GetRequiredService<BedrockAgentRuntimeClient>();

    [Fact]
    public async Task StreamStartsWithTheSessionThenCarriesOutputAndCitations()
    {
        _fake.Enqueue(FakeKnowledgeOutcome.Answering(Of(
            Part("Page the on-call.", FakeSource.SharePoint("https://example.sharepoint.test/sites/ops/oncall.docx")),
            Part(" Then wait.", FakeSource.Salesforce("https://example.salesforce.test/kb/123", "Escalation"))) with { ChunkSize = 100 }));
        var events = await Collect(Client.StreamAsync(new KnowledgeQuery("Who do I page?", null), CancellationToken.None));
        Assert.Equal(
            [KnowledgeEventKind.Session, KnowledgeEventKind.Output, KnowledgeEventKind.Citation, KnowledgeEventKind.Output, KnowledgeEventKind.Citation],
            events.Select(e => e.Kind));
        Assert.Equal(Assert.Single(_fake.Sessions), events[0].Text);
        var first = events[2].Citation!;
        Assert.Equal((0, 16, "Page the on-call."), (first.Start, first.End, first.Text));
        Assert.Equal(new KnowledgeReference("SHAREPOINT", "https://example.sharepoint.test/sites/ops/oncall.docx", null), Assert.Single(first.References));
        Assert.Equal(new KnowledgeReference("SALESFORCE", "https://example.salesforce.test/kb/123", "Escalation"), Assert.Single(events[4].Citation!.References));
    }

    [Fact]
    public async Task GuardrailEventIsReported()
    {
        _fake.Enqueue(FakeKnowledgeOutcome.GuardrailIntervened());
        var events = await Collect(Client.StreamAsync(new KnowledgeQuery("Something blocked", null), CancellationToken.None));
        Assert.True(events[1].IsIntervention);
    }

    [Fact]
    public async Task ErrorAnswerBecomesAAwsServiceExceptionWithTheShortErrorType()
    {
        _fake.Enqueue(FakeKnowledgeOutcome.AccessDenied());
        var error = await Assert.ThrowsAsync<AwsServiceException>(() => Collect(Client.StreamAsync(new KnowledgeQuery("q", null), CancellationToken.None)));
        Assert.Equal((HttpStatusCode.Forbidden, "AccessDeniedException"), (error.StatusCode, error.ErrorType));
    }

    [Fact]
    public async Task ExceptionEventBecomesATransientAwsServiceException()
    {
        _fake.Enqueue(FakeKnowledgeOutcome.Answering(Default).FailingAfter(1, "throttlingException", "Slow down."));
        var error = await Assert.ThrowsAsync<AwsServiceException>(() => Collect(Client.StreamAsync(new KnowledgeQuery("q", null), CancellationToken.None)));
        Assert.Equal(("ThrottlingException", "Slow down.", true), (error.ErrorType, error.AwsMessage, error.IsRetryable));
    }

    [Fact]
    public async Task WholeAnswerCarriesTextCitationsAndSession()
    {
        var answer = await Client.RetrieveAndGenerateAsync(new KnowledgeQuery("What is the SLA?", null), CancellationToken.None);
        Assert.Equal(Default.Text, answer.Text);
        Assert.Equal(2, answer.Citations.Count);
        Assert.Equal("Service SLAs", Assert.Single(answer.Citations[1].References).Title);
        Assert.Equal(Assert.Single(_fake.Sessions), answer.SessionId);
        Assert.Null(answer.GuardrailAction);
    }

    private static async Task<List<KnowledgeEvent>> Collect(IAsyncEnumerable<KnowledgeEvent> events)
    {
        var list = new List<KnowledgeEvent>();
        await foreach (var item in events)
        {
            list.Add(item);
        }
        return list;
    }
}
