using ChatOps.LarkBotAdapter.Jobs;
using ChatOps.LarkBotAdapter.ProxyClient;
using ChatOps.Settings;
using Microsoft.Extensions.Options;

namespace ChatOps.LarkBotAdapter.Alarms;

public static class AlarmServiceCollectionExtensions
{
    // CloudWatch alarms from SNS on POST /events (ALARM_* variables, checked at start-up).
    public static IServiceCollection AddAlarms(this IServiceCollection services, IConfiguration configuration)
    {
        var ops = QCliProxyOptions.IsRequested(configuration);
        services.AddOptions<AlarmOptions>().Configure(o =>
        {
            o.Load(configuration);
            o.OpsConfigured = ops;
        }).ValidateSettingsOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<AlarmOptions>>().Value);
        services.AddTransient<AlarmIngress>();
        services.AddTransient<AlarmStorm>();
        services.AddTransient<AlarmThreads>();
        services.AddTransient<AlarmEpisodes>();
        services.AddTransient<IJobHandler, AlarmJobHandler>();
        return services;
    }
}
