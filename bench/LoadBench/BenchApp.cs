using ChatOps.LarkBotAdapter;
using ChatOps.LarkBotAdapter.Channels.Lark;
using ChatOps.LarkBotAdapter.Worker;
using ChatOps.TestKit.Lark;
using ChatOps.TestKit.QCli;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;

namespace ChatOps.Bench;

/// <summary>The real app composed as Program.cs composes it, on Kestrel on 127.0.0.1, every outbound call pointed at
/// a loopback fake: Bedrock classifier, Bedrock knowledge base, Q CLI proxy (bench chats and users allowed), Lark.</summary>
internal sealed class BenchApp(WebApplication app) : IAsyncDisposable
{
    public Uri BaseAddress { get; } = new(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());

    /// <summary>Starts the app; <paramref name="state"/> adds the DynamoDB settings (table, endpoint) when not in memory.</summary>
    public static async Task<BenchApp> StartAsync(BenchOptions options, BenchFakes fakes, IDictionary<string, string?> state)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var settings = new Dictionary<string, string?>
        {
            ["LARK_APP_ID"] = LarkEvent.DefaultAppId,
            ["LARK_APP_SECRET"] = EventFactory.AppSecret,
            ["LARK_VERIFICATION_TOKEN"] = LarkEvent.DefaultToken,
            ["LARK_ENCRYPT_KEY"] = EventFactory.EncryptKey,
            ["LARK_BASE_URL"] = fakes.Lark.BaseAddress.ToString(),
            ["AWS_ACCESS_KEY_ID"] = "bench-access-key-id",
            ["AWS_SECRET_ACCESS_KEY"] = "bench-secret-access-key",
            ["AWS_REGION"] = "us-east-1",
            ["BEDROCK_REGION"] = "us-west-2",
            ["RECOGNITION_MODEL_ID"] = "anthropic.claude-3-haiku-20240307-v1:0",
            ["KNOWLEDGE_SUMMARY"] = "runbooks for checkout-api and payments, SLA definitions, on-call escalation",
            ["AWS_ENDPOINT_URL_BEDROCK_RUNTIME"] = fakes.Bedrock.BaseAddress.ToString(),
            ["KNOWLEDGE_BASE_ID"] = "BENCHKB001",
            ["KNOWLEDGE_MODEL_ARN"] = "anthropic.claude-3-haiku-20240307-v1:0",
            ["AWS_ENDPOINT_URL_BEDROCK_AGENT_RUNTIME"] = fakes.Knowledge.BaseAddress.ToString(),
            ["QLI_SERVER_ADDRESS"] = fakes.Proxy.BaseAddress.ToString(),
            ["QCLI_PROXY_SECRET"] = FakeQCliProxy.DefaultSecret,
            ["QCLI_AWS_PROFILES"] = "prod, uat",
            ["OPS_ALLOWED_CHAT_IDS"] = string.Join(',', options.ChatIds),
            ["OPS_ALLOWED_USER_IDS"] = string.Join(',', options.UserIds),
            ["CHATOPS_WORKER_CONCURRENCY"] = options.Concurrency.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        foreach (var (key, value) in state)
        {
            settings[key] = value;
        }
        builder.Configuration.AddInMemoryCollection(settings);
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

    /// <summary>Waits until the in-process worker has finished every job handed to it; false on timeout.</summary>
    public async Task<bool> WhenIdleAsync(TimeSpan timeout)
    {
        try
        {
            await app.Services.GetRequiredService<InProcessJobQueue>().WhenIdleAsync().WaitAsync(timeout);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
