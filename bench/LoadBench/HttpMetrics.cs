using System.Diagnostics.Metrics;

namespace ChatOps.Bench;

/// <summary>Listens to .NET's own HTTP metrics inside the process: the app's server time for <c>/lark/events</c>
/// (Kestrel's <c>http.server.request.duration</c>, without the client's queueing) and the round trips of the app's
/// calls to the state store (<c>http.client.request.duration</c> to the dynalite port), to tell where ack time goes.</summary>
internal sealed class HttpMetrics : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly Series _server;
    private readonly Series _state;
    private readonly int _statePort;

    public HttpMetrics(int capacity, int statePort)
    {
        _server = new Series(capacity);
        _state = new Series(capacity * 4);
        _statePort = statePort;
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Name is "http.server.request.duration" or "http.client.request.duration")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>(OnMeasurement);
        _listener.Start();
    }

    public Stats Server(string name) => _server.Stats(name);

    public Stats State(string name) => _state.Stats(name);

    /// <summary>Forgets what was measured so far (the warm-up).</summary>
    public void Reset()
    {
        _server.Reset();
        _state.Reset();
    }

    private void OnMeasurement(Instrument instrument, double seconds, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
    {
        if (instrument.Name == "http.server.request.duration")
        {
            foreach (var tag in tags)
            {
                if (tag is { Key: "http.route", Value: "/lark/events" })
                {
                    _server.Add(seconds * 1000);
                }
            }
            return;
        }
        foreach (var tag in tags)
        {
            if (tag.Key == "server.port" && tag.Value is int port && port == _statePort)
            {
                _state.Add(seconds * 1000);
            }
        }
    }

    public void Dispose() => _listener.Dispose();

    private sealed class Series(int capacity)
    {
        private readonly double[] _values = new double[capacity];
        private int _count;

        public void Add(double value)
        {
            var i = Interlocked.Increment(ref _count) - 1;
            if (i < _values.Length)
            {
                _values[i] = value;
            }
        }

        public void Reset() => Volatile.Write(ref _count, 0);

        public Stats Stats(string name) => Bench.Stats.Of(name, _values.AsSpan(0, Math.Min(Volatile.Read(ref _count), _values.Length)).ToArray());
    }
}
