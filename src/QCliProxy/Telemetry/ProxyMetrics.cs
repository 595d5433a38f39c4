using System.Diagnostics.Metrics;
using ChatOps.Metrics;
using ChatOps.QCliProxy.Running;

namespace ChatOps.QCliProxy.Telemetry;

// The proxy's instruments, on its one Meter; an instrument is one line here (name, unit, dimension sets). No
// instance dimension: the fleet is one set of metrics (dimension combinations are billed). docs/ARCHITECTURE.md, "Metrics".
internal sealed class ProxyMetrics(MetricCatalog catalog, Func<int> running, Func<int> waiting)
{
    public const string MeterName = "ChatOps.QCliProxy";

    public const string Outcome = "Outcome";

    public MetricCatalog Catalog => catalog;

    // Sampled once a minute by the exporter.
    public ObservableGauge<int> RunsRunning { get; } = catalog.Gauge("ProxyRunsRunning", EmfUnit.Count, running, []);
    public ObservableGauge<int> RunsWaiting { get; } = catalog.Gauge("ProxyRunsWaiting", EmfUnit.Count, waiting, []);

    // Per request: how long it waited for its conversation and a CLI slot; per run: how it ended (ok, failed,
    // timeout, output_capped, start_failed, client_gone, shutting_down; busy and draining for a refused request).
    public Histogram<double> WaitTime { get; } = catalog.Histogram("ProxyWaitTime", EmfUnit.Milliseconds, []);
    public Counter<long> Runs { get; } = catalog.Counter("ProxyRuns", EmfUnit.Count, [], [Outcome]);
    public Histogram<double> CliDuration { get; } = catalog.Histogram("ProxyCliDuration", EmfUnit.Milliseconds, []);
    public Counter<long> OutputBytes { get; } = catalog.Counter("ProxyOutputBytes", EmfUnit.Bytes, []);

    public void Waited(TimeSpan wait) => WaitTime.Record(wait.TotalMilliseconds);

    public void Refused(bool draining) => Runs.Add(1, new KeyValuePair<string, object?>(Outcome, draining ? "draining" : "busy"));

    public void Ended(RunOutcome outcome, TimeSpan duration)
    {
        var tag = new KeyValuePair<string, object?>(Outcome, OutcomeOf(outcome));
        Runs.Add(1, tag);
        CliDuration.Record(duration.TotalMilliseconds, tag);
        OutputBytes.Add(outcome.OutputBytes, tag);
    }

    private static string OutcomeOf(RunOutcome outcome) => outcome.End switch
    {
        RunEnd.Exited => outcome.ExitCode == 0 ? "ok" : "failed",
        RunEnd.TimedOut => "timeout",
        RunEnd.OutputCapped => "output_capped",
        RunEnd.StartFailed => "start_failed",
        RunEnd.ClientGone => "client_gone",
        _ => "shutting_down",
    };
}
