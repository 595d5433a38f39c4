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
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var gcBefore = GC.CollectionCount(0);
        var measured = await RunPhaseAsync(http, options.Rate, options.Seconds, build, 1_000_000);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        return LoadResult.From(name, measured.Latencies, measured.Errors, measured.Elapsed, warmup.Latencies.Count)
            with { CpuPercent = cpu / measured.Elapsed * 100, Gen0PerSecond = (GC.CollectionCount(0) - gcBefore) / measured.Elapsed.TotalSeconds };
    }

    private static async Task<(List<double> Latencies, int Errors, TimeSpan Elapsed)> RunPhaseAsync(
        HttpClient http, int rate, int seconds, Func<int, HttpRequestMessage> build, int offset)
    {
        var count = rate * seconds;
        var requests = Enumerable.Range(offset, count).Select(build).ToArray();
        var latencies = new double[count];
        var errors = 0;
        var tasks = new Task[count];

        async Task SendAsync(int index)
        {
            var sent = Stopwatch.GetTimestamp();
            try
            {
                using var response = await http.SendAsync(requests[index]);
                if (!response.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref errors);
                }
            }
            catch (HttpRequestException)
            {
                Interlocked.Increment(ref errors);
            }
            latencies[index] = Stopwatch.GetElapsedTime(sent).TotalMilliseconds;
        }

        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < count; i++)
        {
            // Sleep (not spin) until the request is due: a spinning client would steal the server's cores.
            var due = start + (long)(i * (double)Stopwatch.Frequency / rate);
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }
            tasks[i] = SendAsync(i);
        }
        await Task.WhenAll(tasks);
        return (latencies.ToList(), errors, Stopwatch.GetElapsedTime(start));
    }
}
