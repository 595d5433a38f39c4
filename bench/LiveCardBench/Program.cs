using System.Text.Json.Nodes;
using ChatOps.Bench;
using ChatOps.LarkBotAdapter.Channels.Lark.Rendering;
using ChatOps.TestKit.Bedrock;
using ChatOps.TestKit.Lark;
using ChatOps.TestKit.QCli;

// Live answers on Lark: time from the model's (or CLI's) first output to the first text visible in the streaming card,
// and card update rates when many answers stream at once. The real app, fake Lark (CardKit), fake knowledge base and
// fake Q CLI proxy, all on loopback in this process.
var options = BenchOptions.Parse(args);
Console.WriteLine($"live card bench: {options.Answers} answers (half knowledge, half ops) one at a time after {options.Warmup} warm-up; " +
                  $"then a burst of {options.Burst} at once, {options.BurstFrames} frames each, {options.FrameMs} ms apart; " +
                  $"{Environment.ProcessorCount} cores; load average {LoadAverage()}");

await using var lark = (await FakeLarkOpenApi.StartAsync()).WithApp(LarkEvent.DefaultAppId, BenchApp.AppSecret, LarkEvent.DefaultBotOpenId);
lark.CardKitAvailable = true;
await using var knowledge = await FakeBedrockAgentRuntime.StartAsync();
await using var proxy = await FakeQCliProxy.StartAsync();
var watch = new CardWatch(lark);
await using var app = await BenchApp.StartAsync(lark, knowledge, proxy, options.LogWarnings);
using var http = new HttpClient { BaseAddress = app.BaseAddress };
var runner = new AnswerRunner(app, lark, knowledge, proxy, watch, http, options);
const int Frames = 20;

for (var i = 0; i < options.Warmup; i++)
{
    await runner.RunAsync([i % 2 == 0 ? AnswerRoute.Knowledge : AnswerRoute.Ops], Frames);
}
var warmupFailed = runner.Failed;
var byRoute = new Dictionary<AnswerRoute, List<double>> { [AnswerRoute.Knowledge] = [], [AnswerRoute.Ops] = [] };
for (var i = 0; i < options.Answers; i++)
{
    var route = i % 2 == 0 ? AnswerRoute.Knowledge : AnswerRoute.Ops;
    byRoute[route].AddRange(await runner.RunAsync([route], Frames));
}
var sequentialRates = UpdateRates.Of(watch.TakeOperations());
// A short finished knowledge answer for --dump-card (the burst's are long).
var sample = lark.Cards.Last(c => c.Element(LarkCardJson.AnswerElement).Contains("```", StringComparison.Ordinal));
var all = byRoute.Values.SelectMany(v => v).ToList();
var result = Stats.Of("first output -> first card text (all)", all);

var burstRoutes = Enumerable.Range(0, options.Burst).Select(i => i % 2 == 0 ? AnswerRoute.Knowledge : AnswerRoute.Ops).ToList();
var burst = await runner.RunAsync(burstRoutes, options.BurstFrames);
var burstRates = UpdateRates.Of(watch.TakeOperations());

Console.WriteLine();
Console.WriteLine(Stats.Header);
Console.WriteLine(result.Row);
Console.WriteLine(Stats.Of("  knowledge base (model) route", byRoute[AnswerRoute.Knowledge]).Row);
Console.WriteLine(Stats.Of("  ops (Q CLI) route", byRoute[AnswerRoute.Ops]).Row);
Console.WriteLine(Stats.Of($"  burst: {options.Burst} answers released at once", burst).Row);
Console.WriteLine();
Console.WriteLine("card operations accepted (content, settings, append)   cards   ops  max/s per card  mean/s per card  max/s per app");
Console.WriteLine(Rates("one answer at a time", sequentialRates));
Console.WriteLine(Rates($"burst of {options.Burst}", burstRates));
Console.WriteLine($"operations Lark refused for the rate limits (429, 99991400): {lark.RateLimitedCardOps}; for sequence: {lark.RejectedSequences}");
Console.WriteLine($"cards created before text (shown empty): {watch.TextlessCards}");
Console.WriteLine($"answers not ending complete in a closed card: {runner.Failed - warmupFailed} (warm-up: {warmupFailed})");
runner.Failures.ForEach(f => Console.WriteLine($"  {f}"));
Console.WriteLine($"load average (1/5/15 min) at the end: {LoadAverage()}");
var met = result.P99 <= 300;
var withinLimits = burstRates.MaxPerCard <= 10 && burstRates.MaxPerApp <= 50 && lark.RateLimitedCardOps == 0;
Console.WriteLine($"first text p99 {result.P99:F1} ms (target <= 300 ms): {(met ? "met" : "NOT met")}; " +
                  $"burst max {burstRates.MaxPerCard}/s per card (limit 10), {burstRates.MaxPerApp}/s per app (limit 50): {(withinLimits ? "within" : "NOT within")}");

if (options.DumpCard is { } path)
{
    File.WriteAllText(path, FinishedCard(sample));
    Console.WriteLine($"card JSON of a finished knowledge answer written to {path}");
}
return runner.Failed == 0 && lark.RateLimitedCardOps == 0 ? 0 : 1;

static string Rates(string name, UpdateRates rates) =>
    $"{name,-54} {rates.Cards,5} {rates.Operations,5} {rates.MaxPerCard,15} {rates.MeanPerCard,16:F1} {rates.MaxPerApp,14}";

// The card as Lark shows it at the end: what the app created (LarkCardJson), with the element texts and the components
// it appended since, and streaming mode off.
static string FinishedCard(FakeCard card)
{
    var json = JsonNode.Parse(LarkCardJson.Streaming(card.Element(LarkCardJson.AnswerElement), card.Element(LarkCardJson.StatusElement)))!;
    json["config"]!["streaming_mode"] = card.Streaming;
    var elements = json["body"]!["elements"]!.AsArray();
    foreach (var appended in card.Appended)
    {
        elements.Add(JsonNode.Parse(appended));
    }
    return json.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
}

static string LoadAverage() =>
    File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
