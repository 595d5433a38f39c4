using ChatOps.Metrics;
using Microsoft.Extensions.Options;

namespace ChatOps.QCliProxy.Telemetry;

// While the proxy runs (and CHATOPS_METRICS is not off): each measurement becomes an EMF line sent to the CloudWatch
// agent, and the running and waiting gauges are sampled every SampleInterval.
internal sealed class EmfAgentExporter(ProxyMetrics metrics, IOptions<ProxyMetricsOptions> options, TimeProvider time, ILogger<EmfAgentExporter> logger)
    : BackgroundService
{
    public static readonly TimeSpan SampleInterval = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Metrics.Enabled)
        {
            return;
        }

        await using var agent = new EmfAgentClient(settings.Agent, time, logger);
        using var listener = new EmfListener(metrics.Catalog, settings.Metrics.Namespace, time, agent.Send, settings.LogGroup);
        using var timer = new PeriodicTimer(SampleInterval, time);
        try
        {
            do
            {
                listener.Sample();
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException)
        {
            // The host is stopping.
        }
    }
}
