using ChatOps.QCliProxy.Aws;
using ChatOps.QCliProxy.Chat;
using ChatOps.QCliProxy.Configuration;
using ChatOps.QCliProxy.Conversations;
using ChatOps.QCliProxy.Health;
using ChatOps.QCliProxy.Proposals;
using ChatOps.QCliProxy.Running;
using ChatOps.QCliProxy.Running.Sandbox;
using ChatOps.QCliProxy.Security;
using ChatOps.QCliProxy.Telemetry;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ChatOps.Settings;

namespace ChatOps.QCliProxy;

public static class ProxyServiceCollectionExtensions
{
    // Settings (validated at start), the runner and its limits, conversations and their sweeper.
    public static IServiceCollection AddQCliProxy(this IServiceCollection services)
    {
        services.AddOptions<ProxyOptions>().Configure<IConfiguration>((o, c) => o.Load(c)).ValidateSettingsOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<ProxyOptions>>().Value);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(_ => ParentEnvironment.FromProcess());
        services.AddSingleton<ChildEnvironment>();
        services.AddSingleton<CliUser>();
        services.AddAwsRunFiles();
        services.AddSingleton<ReplayGuard>();
        services.AddSingleton<BubblewrapSandbox>();
        services.AddSingleton<CliCommandLine>();
        services.AddSingleton<CliRunner>();
        services.AddSingleton<RunLimiter>();
        services.AddSingleton<ProxyDrain>();
        services.AddHostedService(sp => sp.GetRequiredService<ProxyDrain>());
        // Running answers may finish while draining: the host waits up to the CLI timeout and a margin before stopping them.
        // Read on its own: the host is built before Program reports invalid settings (a bad value is reported there).
        services.AddOptions<HostOptions>().Configure<IConfiguration>((host, configuration) =>
            host.ShutdownTimeout = ProxyOptions.ReadTimeout(configuration, []) + ProxyDrain.Margin);
        services.AddSingleton<ConversationLocks>();
        services.AddSingleton<ConversationStore>();
        services.AddSingleton<RequestAuthenticator>();
        services.AddSingleton<ChatHandler>();
        services.AddSingleton<CliProbe>();
        services.AddProposals();
        services.AddProxyMetrics();
        services.AddHostedService<IdleConversationSweeper>();
        services.AddHostedService<DevModeNotice>();
        services.AddHostedService<CliSetupNotice>();
        services.Configure<KestrelServerOptions>(o => o.AddServerHeader = false);
        return services;
    }

    // The proxy's endpoints: chat, execution of approved proposals, health.
    public static WebApplication MapQCliProxy(this WebApplication app)
    {
        app.MapChat();
        app.MapProposals();
        app.MapHealth();
        return app;
    }
}
