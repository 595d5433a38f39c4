namespace ChatOps.ColdStartBench;

/// <summary>Command-line options: <c>--runs N</c> starts per variant (default 10), <c>--skip-publish</c> reuses the
/// outputs of an earlier run.</summary>
internal sealed record BenchOptions(int Runs, bool SkipPublish)
{
    public static BenchOptions Parse(string[] args)
    {
        var i = Array.IndexOf(args, "--runs");
        var runs = i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], out var value) && value > 0 ? value : 10;
        return new BenchOptions(runs, args.Contains("--skip-publish"));
    }
}
