using ChatOps.IntentRecognition;
using ChatOps.LarkBotAdapter.Conversations;
using ChatOps.LarkBotAdapter.Knowledge.Bedrock;
using ChatOps.LarkBotAdapter.Routing;
using ChatOps.TestKit.Bedrock;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatOps.LarkBotAdapter.Tests.Knowledge.Bedrock;

/// <summary>The route's real registration (signed, retried HTTP client) pointed at a <see cref="FakeBedrockAgentRuntime"/>.</summary>
internal sealed class KnowledgeHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private KnowledgeHost(ServiceProvider services, FakeBedrockAgentRuntime fake)
    {
        _services = services;
        Fake = fake;
    }

    public FakeBedrockAgentRuntime Fake { get; }

    public static Dictionary<string, string?> Settings(FakeBedrockAgentRuntime fake) => new()
    {
        ["AWS_ACCESS_KEY_ID"] = "test-access-key-id",
        ["AWS_SECRET_ACCESS_KEY"] = "test-secret-access-key",
        ["AWS_REGION"] = "us-east-1",
        ["BEDROCK_REGION"] = "us-west-2",
        ["AWS_ENDPOINT_URL_BEDROCK_AGENT_RUNTIME"] = fake.BaseAddress.ToString(),
        ["KNOWLEDGE_BASE_ID"] = "TESTKB0001",
        ["KNOWLEDGE_MODEL_ARN"] = "anthropic.claude-3-haiku-20240307-v1:0",
        ["CHATOPS_HTTP_RETRY_DELAY_MS"] = "5",
    };

    public static async Task<KnowledgeHost> StartAsync(Action<Dictionary<string, string?>>? settings = null)
    {
        var fake = await FakeBedrockAgentRuntime.StartAsync();
        var values = Settings(fake);
        settings?.Invoke(values);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace))
            .AddBedrockKnowledge(configuration)
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        return new KnowledgeHost(services, fake);
    }

    public IResponder Responder => Assert.Single(_services.GetServices<IResponder>());

    public static ResponderRequest Request(string question, IDictionary<string, string>? attributes = null) => new(
        new ChatTurn("lark", "cli_test_app", "oc_test_chat", "group", "om_" + Guid.NewGuid().ToString("N")[..12], null, null,
            "ou_test_user", "text", question, []),
        [],
        new IntentResult(Intent.KnowledgeBase, IntentResult.SourceLocal),
        attributes ?? new Dictionary<string, string>(StringComparer.Ordinal));

    /// <summary>Asks and collects every chunk the responder yields (an exception propagates).</summary>
    public async Task<List<string>> AskAsync(ResponderRequest request)
    {
        var chunks = new List<string>();
        await foreach (var chunk in Responder.AnswerAsync(request, CancellationToken.None))
        {
            chunks.Add(chunk);
        }
        return chunks;
    }

    /// <summary>Asks, expecting a failure; returns the chunks yielded before it and the exception.</summary>
    public async Task<(List<string> Chunks, ResponderException Error)> AskFailingAsync(ResponderRequest request)
    {
        var chunks = new List<string>();
        var error = await Assert.ThrowsAsync<ResponderException>(async () =>
        {
            await foreach (var chunk in Responder.AnswerAsync(request, CancellationToken.None))
            {
                chunks.Add(chunk);
            }
        });
        return (chunks, error);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Fake.DisposeAsync();
    }
}
