using ChatOps.Metrics;
using ChatOps.Settings;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChatOps.LarkBotAdapter.Telemetry;

public static class TelemetryServiceCollectionExtensions
{
    // The bot's Meter and instruments (recorded everywhere, written nowhere until an exporter listens).
    public static IServiceCollection AddChatOpsMetrics(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<MetricsSettings>()
            .Configure(o => o.Load(configuration, enabledByDefault: !string.IsNullOrWhiteSpace(configuration["AWS_LAMBDA_FUNCTION_NAME"])))
            .ValidateSettingsOnStart();
        services.AddSingleton(sp => new ChatOpsMetrics(new MetricCatalog(sp.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>().Create(new System.Diagnostics.Metrics.MeterOptions(ChatOpsMetrics.MeterName)))));
        services.AddTransient<AckTimer>();
        return services;
    }

    // The web app writes the measurements to stdout as EMF (CHATOPS_METRICS).
    public static IServiceCollection AddEmfStdout(this IServiceCollection services)
    {
        services.TryAddSingleton(_ => EmfOutput.Stdout());
        services.AddHostedService<EmfStdoutExporter>();
        return services;
    }
}
