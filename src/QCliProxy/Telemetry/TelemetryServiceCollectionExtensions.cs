using System.Diagnostics.Metrics;
using ChatOps.Metrics;
using ChatOps.QCliProxy.Running;
using ChatOps.Settings;

namespace ChatOps.QCliProxy.Telemetry;

internal static class TelemetryServiceCollectionExtensions
{
    // The proxy's Meter and instruments, and the exporter that sends them to the CloudWatch agent.
    public static IServiceCollection AddProxyMetrics(this IServiceCollection services)
    {
        services.AddMetrics();
        services.AddOptions<ProxyMetricsOptions>().Configure<IConfiguration>((o, c) => o.Load(c)).ValidateSettingsOnStart();
        services.AddSingleton(sp =>
        {
            var limiter = sp.GetRequiredService<RunLimiter>();
            var meter = sp.GetRequiredService<IMeterFactory>().Create(new MeterOptions(ProxyMetrics.MeterName));
            return new ProxyMetrics(new MetricCatalog(meter), () => limiter.Running, () => limiter.Waiting);
        });
        services.AddHostedService<EmfAgentExporter>();
        return services;
    }
}
