namespace ChatOps.ProxyBench;

/// <summary>Command-line options; every one has a default that runs in well under a minute.</summary>
internal sealed record BenchOptions(int Requests, int Lines, int IntervalMs, int Parallel, int Warmup, int IdleSeconds)
{
    public static BenchOptions Parse(string[] args)
    {
        int Get(string name, int fallback)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], out var value) && value > 0 ? value : fallback;
        }

        return new BenchOptions(
            Get("--requests", 40), Get("--lines", 100), Get("--interval-ms", 5), Get("--parallel", 1), Get("--warmup", 10), Get("--idle-seconds", 5));
    }
}
