using ChatOps.LarkBotAdapter.Channels.Lark.Api;
using ChatOps.LarkBotAdapter.Channels.Lark;
using ChatOps.LarkBotAdapter.Jobs;
using ChatOps.LarkBotAdapter.Worker;
using ChatOps.LarkBotAdapter;
using ChatOps.TestKit.Lark;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http.Features;

namespace ChatOps.Bench;

/// <summary>A web app on Kestrel on a free 127.0.0.1 port; <see cref="StartAsync"/> composes the real app as Program.cs
/// does. Shared by the benches that drive the app over HTTP (linked into each project).</summary>
internal sealed class LiveApp(WebApplication app) : IAsyncDisposable
{
    public Uri BaseAddress { get; } = new(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());

    public IServiceProvider Services => app.Services;

    /// <summary>A slim builder on a free loopback port with these settings and no logging (benches print their own).</summary>
    public static WebApplicationBuilder Builder(IEnumerable<KeyValuePair<string, string?>> settings)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders();
        return builder;
    }

    /// <summary>Starts the real app and returns once it knows its Lark bot identity, like a warm instance.</summary>
    public static async Task<LiveApp> StartAsync(IEnumerable<KeyValuePair<string, string?>> settings, Action<IServiceCollection>? services = null)
    {
        var builder = Builder(settings);
        builder.Services.AddChatOpsWeb(builder.Configuration);
        services?.Invoke(builder.Services);
        var app = builder.Build();
        app.MapChatOps();
        await app.StartAsync();
        var identity = app.Services.GetRequiredService<LarkBotIdentity>();
        for (var i = 0; i < 500 && identity.TryGetCached(LarkEvent.DefaultAppId) is null; i++)
        {
            await Task.Delay(10);
        }
        return new LiveApp(app);
    }

    /// <summary>Waits until the in-process worker has finished every job handed to it; false on timeout.</summary>
    public async Task<bool> WhenIdleAsync(TimeSpan timeout)
    {
        if (app.Services.GetService<InProcessJobQueue>() is not { } queue)
        {
            return true;
        }
        try
        {
            await queue.WhenIdleAsync().WaitAsync(timeout);
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
