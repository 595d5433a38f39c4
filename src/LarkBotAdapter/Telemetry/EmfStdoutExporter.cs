using ChatOps.Metrics;
using Microsoft.Extensions.Options;

namespace ChatOps.LarkBotAdapter.Telemetry;

// Writes the bot's measurements as EMF lines while the web app runs, when CHATOPS_METRICS says so (by default on
// Lambda only). The console commands (ask, classify) never start it, so their output stays free of EMF.
internal sealed class EmfStdoutExporter(ChatOpsMetrics metrics, IOptions<MetricsSettings> settings, EmfOutput output, TimeProvider time)
    : IHostedService, IDisposable
{
    private EmfListener? _listener;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (settings.Value.Enabled)
        {
            _listener = new EmfListener(metrics.Catalog, settings.Value.Namespace, time, output.WriteLine);
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _listener?.Dispose();
        _listener = null;
    }
}
