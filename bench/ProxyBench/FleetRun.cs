using System.Diagnostics;
using System.Globalization;
using System.Net;
using ChatOps.TestKit.Fleet;
using ChatOps.TestKit.QCli;

namespace ChatOps.ProxyBench;

/// <summary>
/// The fleet bench (issue 22): the same load through a round-robin balancer to 1 and to 3 proxy processes sharing one
/// state folder, each run of the fake CLI taking a fixed time (<c>@exclusive &lt;ms&gt;</c>). Reports answers per second and the
/// wait from sending a question to its first line (queueing, the lease and the CLI's start), p50 and p99.
/// </summary>
internal static class FleetRun
{
    public static async Task<int> RunAsync(string[] args)
    {
        int Get(string name, int fallback)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], out var value) && value > 0 ? value : fallback;
        }

        var (requests, parallel, cliMs, concurrency) = (Get("--requests", 120), Get("--parallel", 12), Get("--cli-ms", 500), Get("--concurrency", 2));
        Console.WriteLine($"fleet bench: {requests} questions in {requests} threads, {parallel} at a time, fake CLI {cliMs} ms, " +
                          $"QCLI_MAX_CONCURRENCY={concurrency} per instance, {Environment.ProcessorCount} cores");
        Console.WriteLine($"{"instances",9} {"answers/s",10} {"wait p50 ms",12} {"wait p99 ms",12} {"refused",8}");
        foreach (var size in new[] { 1, 3 })
        {
            var settings = new Dictionary<string, string>
            {
                ["QCLI_MAX_CONCURRENCY"] = concurrency.ToString(CultureInfo.InvariantCulture),
                ["QCLI_QUEUE_LIMIT"] = "1000",
                ["QCLI_QUEUE_TIMEOUT_SECONDS"] = "600",
            };
            await using var fleet = await ProxyFleet.StartAsync(size, settings);
            var (elapsed, waits, refused) = await LoadAsync(fleet, requests, parallel, cliMs);
            waits.Sort();
            Console.WriteLine($"{size,9} {(requests - refused) / elapsed.TotalSeconds,10:F2} {Percentile(waits, 50),12:F0} {Percentile(waits, 99),12:F0} {refused,8}");
        }

        return 0;
    }

    private static async Task<(TimeSpan Elapsed, List<double> WaitsMs, int Refused)> LoadAsync(ProxyFleet fleet, int requests, int parallel, int cliMs)
    {
        var waits = new List<double>();
        var refused = 0;
        using var gate = new SemaphoreSlim(parallel);
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, requests).Select(async i =>
        {
            await gate.WaitAsync();
            try
            {
                var sent = Stopwatch.GetTimestamp();
                using var stream = await fleet.OpenChatAsync($"@exclusive {cliMs}", $"bench:thread:{i}");
                if (stream.Response.StatusCode != HttpStatusCode.OK)
                {
                    Interlocked.Increment(ref refused);
                    return;
                }

                await stream.NextAsync();
                var wait = Stopwatch.GetElapsedTime(sent).TotalMilliseconds;
                await stream.RestAsync();
                lock (waits)
                {
                    waits.Add(wait);
                }
            }
            finally
            {
                gate.Release();
            }
        }));
        return (clock.Elapsed, waits, refused);
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];
}
