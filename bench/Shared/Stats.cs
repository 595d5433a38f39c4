namespace ChatOps.Bench;

/// <summary>Nearest-rank percentiles of one series of latencies, in milliseconds.</summary>
internal sealed record Stats(string Name, int Count, double P50, double P99, double Max)
{
    public const string Header = "interval                                         n   p50 ms   p99 ms   max ms";

    public string Row => $"{Name,-44} {Count,5} {P50,8:F2} {P99,8:F2} {Max,8:F2}";

    public static Stats Of(string name, IReadOnlyCollection<double> milliseconds)
    {
        if (milliseconds.Count == 0)
        {
            return new Stats(name, 0, double.NaN, double.NaN, double.NaN);
        }
        var sorted = milliseconds.Order().ToArray();
        double Percentile(double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
        return new Stats(name, sorted.Length, Percentile(0.50), Percentile(0.99), sorted[^1]);
    }
}
