using System.Collections.Concurrent;

namespace ChatOps.Bench;

/// <summary>Client-side record of every acknowledgement: latency (request sent to response headers) and status.</summary>
internal sealed class AckLog(int capacity)
{
    private readonly double[] _latencies = new double[capacity];
    private readonly ConcurrentDictionary<string, int> _statuses = new(StringComparer.Ordinal);
    private int _count;
    private int _errors;

    public int Count => Volatile.Read(ref _count);

    /// <summary>Non-200 answers and transport failures.</summary>
    public int Errors => Volatile.Read(ref _errors);

    public void Add(double milliseconds, string status, bool ok)
    {
        var i = Interlocked.Increment(ref _count) - 1;
        if (i < _latencies.Length)
        {
            _latencies[i] = milliseconds;
        }
        _statuses.AddOrUpdate(status, 1, static (_, n) => n + 1);
        if (!ok)
        {
            Interlocked.Increment(ref _errors);
        }
    }

    public Stats Latency(string name) => Stats.Of(name, _latencies.AsSpan(0, Math.Min(Count, _latencies.Length)).ToArray());

    public string Statuses => string.Join(", ", _statuses.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key}: {s.Value}"));
}
