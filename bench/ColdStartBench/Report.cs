using System.Globalization;

namespace ChatOps.ColdStartBench;

/// <summary>The summary table: one row per variant over all runs, and each variant's first run on its own.</summary>
internal static class Report
{
    public const double TargetMs = 1500;

    public const string Header =
        "  variant        runs  listening  first ack p50 / min / max  first answer p50 / max  CPU at ack / answer  RSS after answer p50 / max  peak RSS\n" +
        "                         p50 ms                       ms                       ms              p50 ms                         MiB   p50 MiB";

    public static string Row(Variant variant, IReadOnlyList<RunResult> runs)
    {
        double[] Of(Func<RunResult, double> pick) => runs.Select(pick).ToArray();
        var (ack, answer, rss) = (Of(r => r.AckMs), Of(r => r.ReplyMs), Of(r => r.RssMiB));
        return string.Format(
            CultureInfo.InvariantCulture,
            "  {0,-13} {1,5} {2,10:F0}  {3,10:F0} / {4,5:F0} / {5,5:F0}  {6,16:F0} / {7,5:F0}  {12,11:F0} / {8,6:F0}  {9,20:F1} / {10,5:F1}  {11,8:F1}",
            variant.Name, runs.Count, P50(Of(r => r.ListeningMs)), P50(ack), ack.Min(), ack.Max(), P50(answer), answer.Max(),
            P50(Of(r => r.CpuMs)), P50(rss), rss.Max(), P50(Of(r => r.PeakMiB)), P50(Of(r => r.CpuAtAckMs)));
    }

    public static string FirstRun(Variant variant, RunResult first) => string.Format(
        CultureInfo.InvariantCulture,
        "  {0,-13} first run: ack {1:F0} ms, answer {2:F0} ms, CPU at ack {3:F0} ms, at answer {4:F0} ms, RSS {5:F1} MiB",
        variant.Name, first.AckMs, first.ReplyMs, first.CpuAtAckMs, first.CpuMs, first.RssMiB);

    public static string Verdict(IReadOnlyList<RunResult> readyToRun)
    {
        var p50 = P50(readyToRun.Select(r => r.AckMs).ToArray());
        return string.Format(
            CultureInfo.InvariantCulture,
            "ReadyToRun: cold start to first ack p50 {0:F0} ms (target < {1:F0} ms): {2}",
            p50, TargetMs, p50 < TargetMs ? "met" : "NOT met");
    }

    /// <summary>Nearest-rank median.</summary>
    public static double P50(double[] values)
    {
        var sorted = values.Order().ToArray();
        return sorted[Math.Clamp((int)Math.Ceiling(0.5 * sorted.Length) - 1, 0, sorted.Length - 1)];
    }
}
