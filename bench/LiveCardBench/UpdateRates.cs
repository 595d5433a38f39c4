using ChatOps.TestKit.Lark;

namespace ChatOps.Bench;

/// <summary>The most card operations Lark accepted in any one-second window, per card and for the whole app.</summary>
internal sealed record UpdateRates(int Cards, int Operations, int MaxPerCard, int MaxPerApp, double MeanPerCard)
{
    public static UpdateRates Of(IReadOnlyList<FakeCardOperation> operations)
    {
        var perCard = operations.GroupBy(o => o.CardId).Select(g => MaxInOneSecond(g.Select(o => o.AcceptedAt))).ToList();
        var seconds = operations.GroupBy(o => o.CardId)
            .Select(g => g.Count() / Math.Max(1.0, (g.Max(o => o.AcceptedAt) - g.Min(o => o.AcceptedAt)).TotalSeconds))
            .DefaultIfEmpty(0).Average();
        return new UpdateRates(perCard.Count, operations.Count, perCard.DefaultIfEmpty(0).Max(),
            MaxInOneSecond(operations.Select(o => o.AcceptedAt)), seconds);
    }

    // Sliding window over sorted times: the largest count within [t, t + 1 s).
    private static int MaxInOneSecond(IEnumerable<DateTimeOffset> times)
    {
        var sorted = times.Order().ToArray();
        var best = 0;
        for (int start = 0, end = 0; start < sorted.Length; start++)
        {
            while (end < sorted.Length && sorted[end] - sorted[start] < TimeSpan.FromSeconds(1))
            {
                end++;
            }
            best = Math.Max(best, end - start);
        }
        return best;
    }
}
