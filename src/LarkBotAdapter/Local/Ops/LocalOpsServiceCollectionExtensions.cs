using ChatOps.LarkBotAdapter.Jobs;
using ChatOps.LarkBotAdapter.ProxyClient;
using ChatOps.LarkBotAdapter.Routing;
using ChatOps.LarkBotAdapter.State;

namespace ChatOps.LarkBotAdapter.Local.Ops;

public static class LocalOpsServiceCollectionExtensions
{
    // ask's conversation memory (AskThread), and its aws_ops route when no proxy is configured (QLI_SERVER_ADDRESS,
    // QCLI_PROXY_SECRET): the kiro-cli or q on PATH run on this machine, or, without one, a message saying how to get
    // either. Call after AddChatOpsCore.
    public static IServiceCollection AddLocalOps(this IServiceCollection services, IConfiguration configuration, LocalEnvironment environment, AskOptions ask)
    {
        services.AddSingleton(environment);
        services.AddSingleton(ask);
        services.AddSingleton<AskOutcome>();
        services.AddSingleton(sp => new AskThread(
            new LocalConversations(environment), sp.GetRequiredService<IStateStore>(), sp.GetRequiredService<WorkerOptions>(), sp.GetRequiredService<TimeProvider>()));
        if (QCliProxyOptions.IsRequested(configuration))
        {
            return services;
        }

        var cli = LocalCli.Find(environment);
        services.AddSingleton<IResponder>(sp => cli is null
            ? new CliMissingResponder(sp.GetRequiredService<AskOutcome>())
            : new LocalOpsResponder(environment, cli, ask, sp.GetRequiredService<AskOutcome>()));
        return services;
    }
}
