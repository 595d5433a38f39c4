using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace ChatOps.Metrics;

// One program's Meter and, for each instrument it declares, how the instrument is written as EMF. Declaring an
// instrument here is the only step: the EMF writer finds it through the catalog.
public sealed class MetricCatalog(Meter meter)
{
    private readonly ConcurrentDictionary<Instrument, EmfMetric> _metrics = new();

    public Meter Meter => meter;

    public IReadOnlyCollection<EmfMetric> Metrics => [.. _metrics.Values];

    public Counter<long> Counter(string name, string unit, params string[][] dimensionSets) =>
        Add(meter.CreateCounter<long>(name, EmfUnit.Ucum(unit)), unit, dimensionSets);

    public Histogram<double> Histogram(string name, string unit, params string[][] dimensionSets) =>
        Add(meter.CreateHistogram<double>(name, EmfUnit.Ucum(unit)), unit, dimensionSets);

    // A value read when the writer samples (RecordObservableInstruments), not when something happens.
    public ObservableGauge<int> Gauge(string name, string unit, Func<int> observe, params string[][] dimensionSets) =>
        Add(meter.CreateObservableGauge(name, observe, EmfUnit.Ucum(unit)), unit, dimensionSets);

    public EmfMetric? Find(Instrument instrument) => _metrics.GetValueOrDefault(instrument);

    private T Add<T>(T instrument, string unit, string[][] dimensionSets)
        where T : Instrument
    {
        // No set given (a lone [] binds to the params array itself): one metric without dimensions.
        _metrics[instrument] = new EmfMetric(instrument.Name, unit, dimensionSets.Length == 0 ? [[]] : dimensionSets);
        return instrument;
    }
}
