namespace ChatOps.Bench;

internal sealed record BenchOptions(int Rate, int Seconds, int WarmupSeconds)
{
    public static BenchOptions Parse(string[] args)
    {
        int Get(string name, int fallback)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], out var value) && value > 0 ? value : fallback;
        }
        return new BenchOptions(Get("--rate", 200), Get("--seconds", 20), Get("--warmup", 3));
    }
}
