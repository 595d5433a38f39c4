using ChatOps.ProxyBench;

// Proxy overhead: from the CLI writing a line (the fake prints its clock) to that line arriving as a chunk at an HTTP
// client on loopback; and the memory of the proxy process when idle. Target (issue 4): p99 under 10 ms.
if (args.Contains("--fleet"))
{
    return await FleetRun.RunAsync(args);
}

var options = BenchOptions.Parse(args);
var root = Path.Combine(Path.GetTempPath(), "qcli-proxy-bench-" + Guid.NewGuid().ToString("N"));
Directory.CreateDirectory(Path.Combine(root, "home"));
var fakeCli = Path.Combine(AppContext.BaseDirectory, "FakeCli", "q");
File.SetUnixFileMode(fakeCli, File.GetUnixFileMode(fakeCli) | UnixFileMode.UserExecute);
Console.WriteLine($"proxy bench: {options.Requests} requests x {options.Lines} lines every {options.IntervalMs} ms, " +
                  $"{options.Parallel} at a time, {Environment.ProcessorCount} cores");

try
{
    using var proxy = await ProxyProcess.StartAsync(fakeCli, root, Math.Max(options.Parallel, Environment.ProcessorCount));
    await Task.Delay(TimeSpan.FromSeconds(options.IdleSeconds));
    var idleAtStart = proxy.Memory();

    using var http = new HttpClient { BaseAddress = proxy.BaseAddress, Timeout = TimeSpan.FromMinutes(5) };
    var direct = await LatencyRun.DirectAsync(fakeCli, Path.Combine(root, "home"), options, Math.Max(1, options.Requests / 4));
    await LatencyRun.ThroughProxyAsync(http, options, options.Warmup);
    var viaProxy = await LatencyRun.ThroughProxyAsync(http, options, options.Requests);
    var busy = proxy.Memory();

    await Task.Delay(TimeSpan.FromSeconds(options.IdleSeconds));
    var idleAfter = proxy.Memory();

    Console.WriteLine();
    Console.WriteLine(Samples.Header);
    Console.WriteLine(direct.Row("fake CLI stdout, direct"));
    Console.WriteLine(viaProxy.Row("fake CLI -> proxy -> client"));
    Console.WriteLine();
    Console.WriteLine($"proxy memory (working set / private), MiB: idle at start {idleAtStart.WorkingSetMiB:F1} / {idleAtStart.PrivateMiB:F1}; " +
                      $"right after load {busy.WorkingSetMiB:F1} / {busy.PrivateMiB:F1}; idle after {options.IdleSeconds} s {idleAfter.WorkingSetMiB:F1} / {idleAfter.PrivateMiB:F1}");
    var p99 = viaProxy.PercentileMs(99);
    Console.WriteLine($"line-to-client p99 {p99:F3} ms (target < 10 ms): {(p99 < 10 ? "met" : "NOT met")}; " +
                      $"proxy share of p99 ~ {p99 - direct.PercentileMs(99):F3} ms over the direct pipe");
    return 0;
}
finally
{
    Directory.Delete(root, recursive: true);
}
