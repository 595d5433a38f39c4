namespace ChatOps.Bench;

internal sealed record BenchOptions(int Answers, int Warmup, int SettleMs, int Burst, int BurstFrames, int FrameMs, string? DumpCard, bool LogWarnings)
{
    public static BenchOptions Parse(string[] args)
    {
        int Get(string name, int fallback)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], out var value) && value >= 0 ? value : fallback;
        }
        var dump = Array.IndexOf(args, "--dump-card") is var d and >= 0 && d + 1 < args.Length ? args[d + 1] : null;
        // The settle time only lets the app reach the model's (or CLI's) stream; it is outside the measured interval.
        return new BenchOptions(Math.Max(1, Get("--answers", 200)), Get("--warmup", 20), Get("--settle-ms", 20),
            Math.Max(1, Get("--burst", 20)), Math.Max(2, Get("--burst-frames", 150)), Get("--frame-ms", 20), dump, args.Contains("--log-warnings"));
    }
}
