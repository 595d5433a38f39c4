namespace ChatOps.Bench;

internal sealed record LoadResult(string Name, int Ok, int Errors, double RequestsPerSecond, double P50Ms, double P99Ms, double MaxMs, int WarmupOk)
{
    public const string Header = "target           requests/s   p50 ms   p99 ms   max ms   errors   process CPU %   gen0 GCs/s";

    /// <summary>CPU of the whole bench process (load generator, fakes, app and worker) while measuring.</summary>
    public double CpuPercent { get; init; }

    public double Gen0PerSecond { get; init; }

    public string Row => $"{Name,-16} {RequestsPerSecond,10:F1} {P50Ms,8:F2} {P99Ms,8:F2} {MaxMs,8:F2} {Errors,8} {CpuPercent,15:F0} {Gen0PerSecond,12:F1}";

    public static LoadResult From(string name, List<double> latencies, int errors, TimeSpan elapsed, int warmup)
    {
        latencies.Sort();
        double Percentile(double p) => latencies[Math.Clamp((int)Math.Ceiling(p * latencies.Count) - 1, 0, latencies.Count - 1)];
        return new LoadResult(name, latencies.Count - errors, errors, latencies.Count / elapsed.TotalSeconds,
            Percentile(0.50), Percentile(0.99), latencies[^1], warmup);
    }
}
