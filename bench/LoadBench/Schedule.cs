namespace ChatOps.Bench;

/// <summary>The open-loop schedule of a run.</summary>
internal static class Schedule
{
    /// <summary>Messages <paramref name="first"/>.. evenly spread over <paramref name="seconds"/>, plus a share of them
    /// sent again 0.5–5 s after the original (never past the end), in time order. Seeded, so runs repeat.</summary>
    public static Send[] Build(int first, int count, double seconds, double duplicates, int seed = 7)
    {
        var random = new Random(seed);
        var sends = new List<Send>(count + (int)(count * duplicates) + 1);
        for (var i = 0; i < count; i++)
        {
            sends.Add(new Send(i * seconds / count, first + i, Duplicate: false));
        }
        var picked = Enumerable.Range(0, count).OrderBy(_ => random.Next()).Take((int)Math.Round(count * duplicates)).ToArray();
        foreach (var i in picked)
        {
            var at = Math.Min(sends[i].At + 0.5 + (random.NextDouble() * 4.5), seconds);
            sends.Add(new Send(Math.Max(at, sends[i].At + 0.001), first + i, Duplicate: true));
        }
        return [.. sends.OrderBy(s => s.At)];
    }
}
