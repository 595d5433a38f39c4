using ChatOps.Bench;
using ChatOps.TestKit.Bedrock;
using ChatOps.TestKit.Lark;

// Our overhead on the knowledge route: from the knowledge base's output that completes the first segment to that
// segment reaching Lark, with the real app, a fake Bedrock Agent Runtime and a fake Lark Open API on loopback.
var options = BenchOptions.Parse(args);
Console.WriteLine($"knowledge latency bench: {options.Questions} questions per phase, sequential, after {options.Warmup} warm-up " +
                  $"questions; settle {options.SettleMs} ms; {Environment.ProcessorCount} cores; load average {LoadAverage()}");

using var probe = new RequestProbe();
await using var lark = (await FakeLarkOpenApi.StartAsync()).WithApp(LarkEvent.DefaultAppId, BenchApp.AppSecret, LarkEvent.DefaultBotOpenId);
await using var knowledge = await FakeBedrockAgentRuntime.StartAsync();
await using var app = await BenchApp.StartAsync(lark, knowledge);
using var http = new HttpClient { BaseAddress = app.BaseAddress };
var runner = new QuestionRunner(app, knowledge, lark, probe, http, options.SettleMs);

for (var i = 0; i < options.Warmup; i++)
{
    await runner.OverheadAsync();
    await runner.EndToEndAsync();
}
var warmupMiscut = runner.Miscut;

var overhead = new List<double>(options.Questions);
for (var i = 0; i < options.Questions; i++)
{
    overhead.Add(await runner.OverheadAsync());
}
var toReply = new List<double>(options.Questions);
var toKnowledge = new List<double>(options.Questions);
for (var i = 0; i < options.Questions; i++)
{
    var (reply, asked) = await runner.EndToEndAsync();
    toReply.Add(reply);
    toKnowledge.Add(asked);
}

var result = Stats.Of("knowledge output -> first reply (overhead)", overhead);
Console.WriteLine();
Console.WriteLine(Stats.Header);
Console.WriteLine(result.Row);
Console.WriteLine(Stats.Of("Lark event sent -> first reply (end to end)", toReply).Row);
Console.WriteLine(Stats.Of("Lark event sent -> knowledge-base request", toKnowledge).Row);
Console.WriteLine();
var slowest = overhead.Select((ms, i) => (ms, i)).OrderByDescending(x => x.ms).Take(5).Select(x => $"#{x.i + 1} {x.ms:F2} ms");
Console.WriteLine($"slowest overhead samples (question: time): {string.Join(", ", slowest)}");
Console.WriteLine($"load average (1/5/15 min) at the end: {LoadAverage()}");
Console.WriteLine($"answers whose first reply was not the first frame's text: {runner.Miscut - warmupMiscut} (warm-up: {warmupMiscut})");
Console.WriteLine($"overhead p99 {result.P99:F2} ms, max {result.Max:F2} ms (target < 50 ms): {(result.P99 < 50 ? "met" : "NOT met")}");
return runner.Miscut == 0 ? 0 : 1;

// Other work on the machine inflates the tail; the load average tells a reader how quiet the run was.
static string LoadAverage() =>
    File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
