using ChatOps.ColdStartBench;
using ChatOps.TestKit.Lark;

// Cold start of the published app as its own process: from just before Process.Start to the first acknowledged
// POST /lark/events, and to that message's first answer at a fake Lark. Target (issue 7): ReadyToRun p50 < 1.5 s.
var options = BenchOptions.Parse(args);
var root = RepositoryRoot();
var variants = Variant.All(root);
Children.KillAllOnExit();
Console.WriteLine($"cold start bench: {options.Runs} runs per variant (interleaved), {Environment.ProcessorCount} cores");
var loadBefore = LoadAverage();

if (!options.SkipPublish)
{
    Console.WriteLine("publishing src/LarkBotAdapter:");
    foreach (var variant in variants)
    {
        await Publisher.PublishAsync(root, variant);
    }
}
Console.WriteLine("packages:");
foreach (var variant in variants)
{
    Console.WriteLine(Publisher.Describe(variant));
}

await using var lark = (await FakeLarkOpenApi.StartAsync()).WithApp(ColdEvent.AppId, ColdEvent.AppSecret, ColdEvent.BotOpenId);
using var probe = new LarkProbe();
await WarmUpAsync(lark, probe);

var results = variants.ToDictionary(v => v, _ => new List<RunResult>());
for (var run = 1; run <= options.Runs; run++)
{
    foreach (var variant in variants)
    {
        var result = await ColdRun.RunAsync(variant, run, lark, probe, CancellationToken.None);
        results[variant].Add(result);
        Console.WriteLine($"  run {run,2} {variant.Name,-12} listening {result.ListeningMs,7:F1} ms, ack {result.AckMs,7:F1} ms, answer {result.ReplyMs,7:F1} ms, CPU {result.CpuMs,4:F0} ms, RSS {result.RssMiB,5:F1} MiB");
    }
}

foreach (var variant in variants)
{
    Console.WriteLine();
    Console.WriteLine($"{variant.Name}:");
    Console.WriteLine(RunResult.Header);
    results[variant].ForEach(r => Console.WriteLine(r.Row));
}
Console.WriteLine();
Console.WriteLine("times from just before Process.Start; memory (VmRSS, VmHWM) read once the first answer reached Lark");
Console.WriteLine(Report.Header);
foreach (var variant in variants)
{
    Console.WriteLine(Report.Row(variant, results[variant]));
}
foreach (var variant in variants)
{
    Console.WriteLine(Report.FirstRun(variant, results[variant][0]));
}
Console.WriteLine($"load average (1/5/15 min) before: {loadBefore}; after: {LoadAverage()} (other work on the machine inflates wall times, not CPU ms)");
var early = results.Values.SelectMany(r => r).Count(r => r.AckedBeforeIdentity);
Console.WriteLine($"acknowledged before the app had even asked Lark for its bot identity (the worker checked the @mention): " +
                  $"{early} of {results.Values.Sum(r => r.Count)} runs; every run was answered");
Console.WriteLine(Report.Verdict(results[variants.Single(v => v.ReadyToRun)]));
return 0;

// The bench's own HTTP client, probe and crypto are compiled before the first measured start.
static async Task WarmUpAsync(FakeLarkOpenApi lark, LarkProbe probe)
{
    var seen = probe.Next(LarkRequest.Path);
    var cold = await ColdEvent.CreateAsync("om_cold_warm_up");
    using var http = new HttpClient();
    using (var response = await http.SendAsync(cold.NewRequest(lark.BaseAddress)))
    {
        await seen.WaitAsync(TimeSpan.FromSeconds(10)); // the fake answers 404; the probe saw it arrive
    }
    try
    {
        using var refused = await http.SendAsync(cold.NewRequest(new Uri("http://127.0.0.1:9/")));
    }
    catch (HttpRequestException)
    {
        // Expected: nothing listens there.
    }
}

static string LoadAverage() =>
    File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

static string RepositoryRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "ChatOps.sln")))
        {
            return dir.FullName;
        }
    }
    throw new InvalidOperationException("ChatOps.sln not found above " + AppContext.BaseDirectory);
}
