using System.Globalization;

namespace ChatOps.ProxyBench;

/// <summary>Latency samples in microseconds, and their summary row.</summary>
internal sealed class Samples
{
    private readonly List<double> _micros = [];

    public int Count => _micros.Count;

    public static string Header => $"{"path",-28} {"lines",7} {"p50 ms",8} {"p90 ms",8} {"p99 ms",8} {"max ms",8}";

    /// <summary>Records one line <c>T=&lt;epoch seconds.micros&gt;</c> that arrived at <paramref name="arrivedMicros"/>; other lines are skipped.</summary>
    public void Add(string line, long arrivedMicros)
    {
        if (!line.StartsWith("T=", StringComparison.Ordinal))
        {
            return; // the fake CLI's other lines (INPUT=…, the markers) carry no time
        }
        var parts = line[2..].Split('.');
        var written = (long.Parse(parts[0], CultureInfo.InvariantCulture) * 1_000_000) + long.Parse(parts[1], CultureInfo.InvariantCulture);
        lock (_micros)
        {
            _micros.Add(arrivedMicros - written);
        }
    }

    public double PercentileMs(double p)
    {
        var sorted = _micros.Order().ToList();
        var index = (int)Math.Ceiling(p / 100 * sorted.Count) - 1;
        return sorted[Math.Clamp(index, 0, sorted.Count - 1)] / 1000;
    }

    public string Row(string name) =>
        $"{name,-28} {Count,7} {PercentileMs(50),8:F3} {PercentileMs(90),8:F3} {PercentileMs(99),8:F3} {PercentileMs(100),8:F3}";

    public static long NowMicros() => (DateTime.UtcNow.Ticks - DateTime.UnixEpoch.Ticks) / 10;
}
