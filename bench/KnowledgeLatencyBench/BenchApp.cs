using ChatOps.LarkBotAdapter;
using ChatOps.LarkBotAdapter.Channels.Lark;
using ChatOps.LarkBotAdapter.Worker;
using ChatOps.TestKit.Bedrock;
using ChatOps.TestKit.Lark;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;

namespace ChatOps.Bench;

/// <summary>The real app composed as Program.cs composes it, on Kestrel on 127.0.0.1, with its Lark calls going to a
/// <see cref="FakeLarkOpenApi"/> and its knowledge route to a <see cref="FakeBedrockAgentRuntime"/>.</summary>
internal sealed class BenchApp(WebApplication app) : IAsyncDisposable
{
    public const string AppSecret = "bench-app-secret";
    public const string EncryptKey = "bench-encrypt-key";

    public Uri BaseAddress { get; } = new(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());

    public static async Task<BenchApp> StartAsync(FakeLarkOpenApi lark, FakeBedrockAgentRuntime knowledge)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        // No RECOGNITION_MODEL_ID: the local classifier routes runbook questions to knowledge_base.
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["LARK_APP_ID"] = LarkEvent.DefaultAppId,
            ["LARK_APP_SECRET"] = AppSecret,
            ["LARK_VERIFICATION_TOKEN"] = LarkEvent.DefaultToken,
            ["LARK_ENCRYPT_KEY"] = EncryptKey,
            ["LARK_BASE_URL"] = lark.BaseAddress.ToString(),
            ["AWS_ACCESS_KEY_ID"] = "bench-access-key-id",
            ["AWS_SECRET_ACCESS_KEY"] = "bench-secret-access-key",
            ["AWS_REGION"] = "us-east-1",
            ["BEDROCK_REGION"] = "us-west-2",
            ["AWS_ENDPOINT_URL_BEDROCK_AGENT_RUNTIME"] = knowledge.BaseAddress.ToString(),
            ["KNOWLEDGE_BASE_ID"] = "BENCHKB001",
            ["KNOWLEDGE_MODEL_ARN"] = "anthropic.claude-3-haiku-20240307-v1:0",
        });
        builder.Logging.ClearProviders();
        builder.Services.AddChatOpsWeb(builder.Configuration);
        var app = builder.Build();
        app.MapChatOps();
        await app.StartAsync();
        var identity = app.Services.GetRequiredService<LarkBotIdentity>();
        for (var i = 0; i < 500 && identity.TryGetCached(LarkEvent.DefaultAppId) is null; i++)
        {
            await Task.Delay(10);
        }
        return new BenchApp(app);
    }

    public Task WhenIdleAsync(TimeSpan timeout) =>
        app.Services.GetRequiredService<IJobDispatcher>() is InProcessJobQueue queue ? queue.WhenIdleAsync().WaitAsync(timeout) : Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
