namespace ChatOps.Bench;

internal sealed record BenchOptions(int Questions, int Warmup, int SettleMs)
{
    public static BenchOptions Parse(string[] args)
    {
        int Get(string name, int fallback)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], out var value) && value >= 0 ? value : fallback;
        }
        // The settle time only has to let the app read the first frame; it is outside the measured interval.
        return new BenchOptions(Math.Max(1, Get("--questions", 200)), Get("--warmup", 20), Get("--settle-ms", 20));
    }
}
