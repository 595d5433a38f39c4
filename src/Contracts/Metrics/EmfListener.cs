using System.Diagnostics.Metrics;

namespace ChatOps.Metrics;

// Listens to one catalog's instruments (its own Meter instance only, so two apps in one process never mix) and
// writes each measurement as one EMF line, at once: nothing is held in memory that a frozen Lambda or a killed
// proxy could lose, and CloudWatch computes percentiles from the individual values.
internal sealed class EmfListener : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly string _namespace;
    private readonly TimeProvider _time;
    private readonly Action<string> _write;
    private readonly string? _logGroup;

    public EmfListener(MetricCatalog catalog, string ns, TimeProvider time, Action<string> write, string? logGroup = null)
    {
        (_namespace, _time, _write, _logGroup) = (ns, time, write, logGroup);
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter, catalog.Meter) && catalog.Find(instrument) is { } metric)
            {
                listener.EnableMeasurementEvents(instrument, metric);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, value, tags, state) => Emit(state, value, tags));
        _listener.SetMeasurementEventCallback<int>((_, value, tags, state) => Emit(state, value, tags));
        _listener.SetMeasurementEventCallback<double>((_, value, tags, state) => Emit(state, value, tags));
        _listener.Start();
    }

    // Reads the observable instruments (gauges) now; each value becomes a line like any other measurement.
    public void Sample() => _listener.RecordObservableInstruments();

    public void Dispose() => _listener.Dispose();

    private void Emit(object? state, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (state is EmfMetric metric)
        {
            _write(EmfLine.Write(_namespace, metric, value, tags, _time.GetUtcNow().ToUnixTimeMilliseconds(), _logGroup));
        }
    }
}
