using ChatOps.LarkBotAdapter;
using ChatOps.LarkBotAdapter.Channels.Lark;
using ChatOps.LarkBotAdapter.Worker;
using ChatOps.TestKit.Lark;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;

namespace ChatOps.Bench;

/// <summary>The two servers under test, each on Kestrel on 127.0.0.1.</summary>
internal sealed class Targets(WebApplication app) : IAsyncDisposable
{
    public Uri BaseAddress { get; } = new(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());

    public static async Task<Targets> StartBareAsync()
    {
        var builder = Builder([]);
        var app = builder.Build();
        app.MapPost("/lark/events", async (HttpRequest request) =>
        {
            await request.Body.CopyToAsync(Stream.Null);
            return TypedResults.Text("{\"ok\":true}", "application/json");
        });
        await app.StartAsync();
        return new Targets(app);
    }

    /// <summary>The real app, composed as Program.cs composes it.</summary>
    public static async Task<Targets> StartAppAsync(FakeLarkOpenApi lark, bool ingressOnly)
    {
        var builder = Builder(new Dictionary<string, string?>
        {
            ["LARK_APP_ID"] = LarkEvent.DefaultAppId,
            ["LARK_APP_SECRET"] = LarkFakes.AppSecret,
            ["LARK_VERIFICATION_TOKEN"] = LarkEvent.DefaultToken,
            ["LARK_ENCRYPT_KEY"] = LarkFakes.EncryptKey,
            ["LARK_BASE_URL"] = lark.BaseAddress.ToString(),
        });
        builder.Services.AddChatOpsWeb(builder.Configuration);
        if (ingressOnly)
        {
            builder.Services.AddSingleton<IJobDispatcher, DiscardingDispatcher>();
        }
        var app = builder.Build();
        app.MapChatOps();
        await app.StartAsync();
        var identity = app.Services.GetRequiredService<LarkBotIdentity>();
        for (var i = 0; i < 500 && identity.TryGetCached(LarkEvent.DefaultAppId) is null; i++)
        {
            await Task.Delay(10);
        }
        return new Targets(app);
    }

    public Task WhenIdleAsync(TimeSpan timeout) =>
        app.Services.GetService<IJobDispatcher>() is InProcessJobQueue queue ? queue.WhenIdleAsync().WaitAsync(timeout) : Task.CompletedTask;

    /// <summary>For <c>--ingress-only</c>: measures the ack path alone, jobs are dropped.</summary>
    private sealed class DiscardingDispatcher : IJobDispatcher
    {
        public Task DispatchAsync(WorkJob job, CancellationToken cancellationToken) => Task.CompletedTask;
    }

    private static WebApplicationBuilder Builder(Dictionary<string, string?> settings)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders();
        return builder;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

