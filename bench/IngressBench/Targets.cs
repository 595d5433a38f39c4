using ChatOps.LarkBotAdapter.Jobs;
using ChatOps.LarkBotAdapter.Worker;
using ChatOps.TestKit.Lark;

namespace ChatOps.Bench;

/// <summary>The two servers under test, each on Kestrel on 127.0.0.1.</summary>
internal static class Targets
{
    public static async Task<LiveApp> StartBareAsync()
    {
        var app = LiveApp.Builder([]).Build();
        app.MapPost("/lark/events", async (HttpRequest request) =>
        {
            await request.Body.CopyToAsync(Stream.Null);
            return TypedResults.Text("{\"ok\":true}", "application/json");
        });
        await app.StartAsync();
        return new LiveApp(app);
    }

    /// <summary>The real app, composed as Program.cs composes it.</summary>
    public static Task<LiveApp> StartAppAsync(FakeLarkOpenApi lark, bool ingressOnly) =>
        LiveApp.StartAsync(
            new Dictionary<string, string?>
            {
                ["LARK_APP_ID"] = LarkEvent.DefaultAppId,
                ["LARK_APP_SECRET"] = LarkFakes.AppSecret,
                ["LARK_VERIFICATION_TOKEN"] = LarkEvent.DefaultToken,
                ["LARK_ENCRYPT_KEY"] = LarkFakes.EncryptKey,
                ["LARK_BASE_URL"] = lark.BaseAddress.ToString(),
            },
            ingressOnly ? services => services.AddSingleton<IJobDispatcher, DiscardingDispatcher>() : null);

    /// <summary>For <c>--ingress-only</c>: measures the ack path alone, jobs are dropped.</summary>
    private sealed class DiscardingDispatcher : IJobDispatcher
    {
        public Task DispatchAsync(WorkJob job, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
