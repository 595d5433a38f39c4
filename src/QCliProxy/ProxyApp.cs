using Microsoft.Extensions.Configuration.Memory;

namespace ChatOps.QCliProxy;

// Composes the proxy; used by Program and by tests that host it on a loopback port.
public static class ProxyApp
{
    // Lowest-priority defaults (the environment overrides them): one line per log entry for journald, no per-request
    // framework chatter. Kept in code because the service's working directory is its state folder, not the app folder.
    private static readonly Dictionary<string, string?> Defaults = new()
    {
        ["Logging:LogLevel:Default"] = "Information",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
        ["Logging:Console:FormatterName"] = "simple",
        ["Logging:Console:FormatterOptions:SingleLine"] = "true",
    };

    // Builds the app. configure runs after the proxy's registrations, so it can override them.
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = Defaults });
        builder.Services.AddQCliProxy();
        configure?.Invoke(builder);
        var app = builder.Build();
        app.MapQCliProxy();
        return app;
    }
}
