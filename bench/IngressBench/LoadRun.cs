using System.Diagnostics;

namespace ChatOps.Bench;

/// <summary>Open-loop load: requests start on a fixed schedule whether or not earlier ones have finished, so a slow
/// server shows up as latency instead of quietly lowering the rate.</summary>
internal static class LoadRun
{
    public static async Task<LoadResult> RunAsync(string name, Uri target, BenchOptions options, Func<int, HttpRequestMessage> build)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
        {
            BaseAddress = target,
        };
        var warmup = await RunPhaseAsync(http, options.Rate, options.WarmupSeconds, build, 0);
        var measured = await RunPhaseAsync(http, options.Rate, options.Seconds, build, 1_000_000);
        return LoadResult.From(name, measured.Latencies, measured.Errors, measured.Elapsed, warmup.Latencies.Count);
    }

    private static async Task<(List<double> Latencies, int Errors, TimeSpan Elapsed)> RunPhaseAsync(
        HttpClient http, int rate, int seconds, Func<int, HttpRequestMessage> build, int offset)
    {
        var count = rate * seconds;
        var requests = Enumerable.Range(offset, count).Select(build).ToArray();
        var latencies = new double[count];
        var errors = 0;
        var tasks = new Task[count];
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < count; i++)
        {
            var due = start + (long)(i * (double)Stopwatch.Frequency / rate);
            while (Stopwatch.GetTimestamp() < due)
            {
                var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
                if (wait > TimeSpan.FromMilliseconds(2))
                {
                    await Task.Delay(wait - TimeSpan.FromMilliseconds(1));
                }
                else
                {
                    Thread.SpinWait(50);
                }
            }
            var index = i;
            tasks[i] = Task.Run(async () =>
            {
                var sent = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await http.SendAsync(requests[index]);
                    latencies[index] = Stopwatch.GetElapsedTime(sent).TotalMilliseconds;
                    if (!response.IsSuccessStatusCode)
                    {
                        Interlocked.Increment(ref errors);
                    }
                }
                catch (HttpRequestException)
                {
                    latencies[index] = Stopwatch.GetElapsedTime(sent).TotalMilliseconds;
                    Interlocked.Increment(ref errors);
                }
            });
        }
        await Task.WhenAll(tasks);
        return (latencies.ToList(), errors, Stopwatch.GetElapsedTime(start));
    }
}
