namespace ChatOps.QCliProxy;

/// <summary>Composes the proxy; used by <see cref="Program"/> and by tests that host it on a loopback port.</summary>
public static class ProxyApp
{
    /// <summary>Builds the app. <paramref name="configure"/> runs after the proxy's registrations, so it can override them.</summary>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.Services.AddQCliProxy();
        configure?.Invoke(builder);
        var app = builder.Build();
        app.MapQCliProxy();
        return app;
    }
}
