using ChatOps.LarkBotAdapter.Channels.Lark;
using ChatOps.LarkBotAdapter.Channels.Lark.Api;
using ChatOps.LarkBotAdapter.Jobs;
using ChatOps.LarkBotAdapter.Worker;
using ChatOps.TestKit;
using ChatOps.TestKit.Lark;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatOps.LarkBotAdapter.Tests.AppHost;

/// <summary>The real app hosted in-process, its outbound base URLs pointed at loopback fakes.</summary>
public sealed class ChatOpsApp : IAsyncDisposable
{
    public const string AppSecret = "test-app-secret";
    public const string EncryptKey = "test-encrypt-key";

    private readonly WebApplicationFactory<Program> _factory;

    private readonly bool _ownsLark;

    private readonly List<(string Where, Func<IEnumerable<string>> Texts)> _outputs = [];

    private ChatOpsApp(WebApplicationFactory<Program> factory, FakeLarkOpenApi lark, bool ownsLark)
    {
        _factory = factory;
        _ownsLark = ownsLark;
        Lark = lark;
        Client = factory.CreateClient();
    }

    public FakeLarkOpenApi Lark { get; }

    /// <summary>Everything the app logged, at every level.</summary>
    public LogCapture Logs { get; private init; } = null!;

    public HttpClient Client { get; }

    public IServiceProvider Services => _factory.Services;

    /// <summary>The secret values this app was configured with, keyed by their setting.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Secrets { get; private init; } = [];

    /// <summary>Settings every test app gets: one Lark app with encryption, fast retries, no cloud.</summary>
    public static Dictionary<string, string?> BaseSettings(FakeLarkOpenApi lark) => new()
    {
        ["LARK_APP_ID"] = LarkEvent.DefaultAppId,
        ["LARK_APP_SECRET"] = AppSecret,
        ["LARK_VERIFICATION_TOKEN"] = LarkEvent.DefaultToken,
        ["LARK_ENCRYPT_KEY"] = EncryptKey,
        ["LARK_BASE_URL"] = lark.BaseAddress.ToString(),
        ["AWS_ACCESS_KEY_ID"] = "test-access-key-id",
        ["AWS_SECRET_ACCESS_KEY"] = "test-secret-access-key",
        ["AWS_REGION"] = "us-east-1",
        ["CHATOPS_HTTP_RETRY_DELAY_MS"] = "5",
        ["CHATOPS_REPLY_RETRY_DELAY_MS"] = "5",
        // A test that leaves an answer hanging should not hold up its app's disposal for the default 20 s.
        ["CHATOPS_DRAIN_TIMEOUT_SECONDS"] = "1",
        // Most tests ask many questions as one user; the rate limit's own tests turn it on.
        ["CHATOPS_USER_QUESTIONS_PER_MINUTE"] = "0",
    };

    public static async Task<ChatOpsApp> StartAsync(
        Action<Dictionary<string, string?>>? settings = null,
        Action<IServiceCollection>? services = null,
        FakeLarkOpenApi? lark = null)
    {
        var ownsLark = lark is null;
        lark ??= await StartLarkAsync();
        var values = BaseSettings(lark);
        settings?.Invoke(values);
        var logs = new LogCapture();
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            foreach (var (key, value) in values)
            {
                builder.UseSetting(key, value);
            }
            builder.UseEnvironment("Testing");
            builder.ConfigureLogging(logging => logging.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
            if (services is not null)
            {
                builder.ConfigureTestServices(services);
            }
        });
        var app = new ChatOpsApp(factory, lark, ownsLark) { Logs = logs, Secrets = SecretLeaks.FromSettings(values) };
        await app.WarmUpAsync();
        return app;
    }

    /// <summary>A fake Lark Open API that knows the test app.</summary>
    public static async Task<FakeLarkOpenApi> StartLarkAsync() =>
        (await FakeLarkOpenApi.StartAsync()).WithApp(LarkEvent.DefaultAppId, AppSecret, LarkEvent.DefaultBotOpenId);

    /// <summary>Adds text the app sent somewhere (e.g. Slack posts) to what is checked for secrets on disposal.</summary>
    public void CheckForSecrets(string where, Func<IEnumerable<string>> texts) => _outputs.Add((where, texts));

    /// <summary>Every configured secret value that appears in the logs, the Lark replies or the checked outputs.</summary>
    public IReadOnlyList<string> FindSecretLeaks() =>
        SecretLeaks.Find(Secrets, "the logs", Logs.Lines)
            .Concat(SecretLeaks.Find(Secrets, "a Lark reply", Lark.Replies.Select(r => r.Content)))
            .Concat(_outputs.SelectMany(o => SecretLeaks.Find(Secrets, o.Where, o.Texts())))
            .ToArray();

    /// <summary>Sends a request to the app as the platform would.</summary>
    public Task<HttpResponseMessage> SendAsync(HttpRequestMessage request) => Client.SendAsync(request);

    /// <summary>Sends a Lark event encrypted and signed with the test app's key.</summary>
    public Task<HttpResponseMessage> SendLarkAsync(string json) =>
        Client.SendAsync(LarkRequest.Encrypted(json, EncryptKey, DateTimeOffset.UtcNow));

    /// <summary>Sends a card callback (a button click) to /lark/cards, encrypted and signed with the test app's key.</summary>
    public Task<HttpResponseMessage> SendLarkCardAsync(string json) =>
        Client.SendAsync(LarkRequest.ToCards(LarkRequest.Encrypted(json, EncryptKey, DateTimeOffset.UtcNow)));

    /// <summary>Waits until the in-process worker has finished every job handed to it. The limit only stops a hung
    /// test: a job that runs the real proxy and a runbook once took over 30 s on a machine loaded to ~70.</summary>
    public Task WhenIdleAsync() =>
        _factory.Services.GetRequiredService<InProcessJobQueue>().WhenIdleAsync().WaitAsync(TimeSpan.FromSeconds(120));

    // The bot learns its open_id in the background at start-up; tests start once that is done, like a warm instance.
    private async Task WarmUpAsync()
    {
        using var health = await Client.GetAsync("/healthz");
        health.EnsureSuccessStatusCode();
        var identity = _factory.Services.GetRequiredService<LarkBotIdentity>();
        for (var i = 0; i < 500 && !Lark.BotInfoDown && identity.TryGetCached(LarkEvent.DefaultAppId) is null; i++)
        {
            await Task.Delay(10);
        }
    }

    // Every test that hosts the app is also a secrets test: whatever the scenario did, no configured secret got out.
    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _factory.DisposeAsync();
        var leaks = FindSecretLeaks();
        if (_ownsLark)
        {
            await Lark.DisposeAsync();
        }
        if (leaks.Count > 0)
        {
            throw new InvalidOperationException("Secrets leaked:\n" + string.Join("\n", leaks));
        }
    }
}
