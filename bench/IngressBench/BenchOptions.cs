namespace ChatOps.Bench;

internal sealed record BenchOptions(int Rate, int Seconds, int WarmupSeconds, bool IngressOnly)
{
    public static BenchOptions Parse(string[] args)
    {
        int Get(string name, int fallback)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], out var value) && value > 0 ? value : fallback;
        }
        // A long warm-up lets tiered compilation settle, so the run measures steady state, not the JIT.
        return new BenchOptions(Get("--rate", 200), Get("--seconds", 20), Get("--warmup", 10), args.Contains("--ingress-only"));
    }
}
