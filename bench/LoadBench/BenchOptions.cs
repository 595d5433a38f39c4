using System.Globalization;

namespace ChatOps.Bench;

/// <summary>Command line of both modes: <c>load</c> (default) and <c>soak</c>.</summary>
internal sealed record BenchOptions
{
    public string Mode { get; init; } = "load";
    public int Messages { get; init; } = 2000;
    public double Seconds { get; init; } = 60;
    public double Duplicates { get; init; } = 0.10;
    public int Chats { get; init; } = 20;
    public int Users { get; init; } = 10;
    public string State { get; init; } = "memory";
    public int Warmup { get; init; } = 100;
    public double Minutes { get; init; } = 10;
    public double Rate { get; init; } = 20;
    public double WarmupSeconds { get; init; } = 60;
    public double SampleSeconds { get; init; } = 30;
    public int ClassifyMs { get; init; } = 20;
    public int FrameMs { get; init; } = 5;
    public int Concurrency { get; init; } = 8;
    public double DrainTimeoutSeconds { get; init; } = 120;

    public static BenchOptions Parse(string[] args)
    {
        double Get(string name, double fallback, double min = 0)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length && double.TryParse(args[i + 1], NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= min
                ? value : fallback;
        }
        string Text(string name, string fallback)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
        }
        var defaults = new BenchOptions();
        var mode = args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal) ? args[0] : defaults.Mode;
        return new BenchOptions
        {
            Mode = mode,
            Messages = (int)Get("--messages", defaults.Messages, 1),
            Seconds = Get("--seconds", defaults.Seconds, 0.1),
            Duplicates = Math.Min(1, Get("--duplicates", defaults.Duplicates)),
            Chats = (int)Get("--chats", defaults.Chats, 1),
            Users = (int)Get("--users", defaults.Users, 1),
            State = Text("--state", defaults.State),
            Warmup = (int)Get("--warmup", defaults.Warmup),
            Minutes = Get("--minutes", defaults.Minutes, 0.01),
            Rate = Get("--rate", defaults.Rate, 0.1),
            WarmupSeconds = Get("--warmup-seconds", defaults.WarmupSeconds),
            SampleSeconds = Get("--sample-seconds", defaults.SampleSeconds, 1),
            ClassifyMs = (int)Get("--classify-ms", defaults.ClassifyMs),
            FrameMs = (int)Get("--frame-ms", defaults.FrameMs),
            Concurrency = (int)Get("--concurrency", defaults.Concurrency, 1),
            DrainTimeoutSeconds = Get("--drain-timeout", defaults.DrainTimeoutSeconds, 1),
        };
    }

    public bool Dynalite => State.Equals("dynalite", StringComparison.OrdinalIgnoreCase);

    public IEnumerable<string> ChatIds => Enumerable.Range(0, Chats).Select(i => $"oc_load_chat_{i:D2}");

    public IEnumerable<string> UserIds => Enumerable.Range(0, Users).Select(i => $"ou_load_user_{i:D2}");
}
