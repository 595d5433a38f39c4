using ChatOps.Bench;

// Ack latency of POST /lark/events (signed, encrypted events, in-memory claims, the worker answering in the
// background) next to a bare Kestrel endpoint, both under the same open-loop load in the same run.
var options = BenchOptions.Parse(args);
Console.WriteLine($"ingress bench: {options.Rate} requests/s for {options.Seconds} s per target (+{options.WarmupSeconds} s warm-up), " +
                  $"{Environment.ProcessorCount} cores, worker {(options.IngressOnly ? "off (--ingress-only)" : "on")}");

await using var lark = await LarkFakes.StartAsync();
await using var bare = await Targets.StartBareAsync();
await using var app = await Targets.StartAppAsync(lark, options.IngressOnly);

// The bare endpoint is measured before and after the app; the ratio uses the better of the two (the stricter test).
var bareBefore = await LoadRun.RunAsync("bare Kestrel", bare.BaseAddress, options, unique => EventFactory.Plain(unique));
var appResult = await LoadRun.RunAsync("/lark/events", app.BaseAddress, options, unique => EventFactory.EncryptedMention(unique));
var bareAfter = await LoadRun.RunAsync("bare Kestrel", bare.BaseAddress, options, unique => EventFactory.Plain(unique));
var bareResult = bareBefore.P99Ms <= bareAfter.P99Ms ? bareBefore : bareAfter;

await app.WhenIdleAsync(TimeSpan.FromSeconds(60));
var answered = lark.Replies.Select(r => r.ParentMessageId).Distinct().Count();
var repeated = lark.RepeatedUuids;
var replies = lark.Replies.Count;

Console.WriteLine();
Console.WriteLine(LoadResult.Header);
Console.WriteLine(bareBefore.Row);
Console.WriteLine(appResult.Row);
Console.WriteLine(bareAfter.Row);
Console.WriteLine();
Console.WriteLine($"messages acknowledged: {appResult.Ok} (incl. warm-up: {appResult.Ok + appResult.WarmupOk}); answered: {answered}; thread replies (segments): {replies}; segments posted twice: {repeated}; errors: {appResult.Errors}");
var ratio = appResult.P99Ms / Math.Max(bareResult.P99Ms, 0.001);
Console.WriteLine($"ack p99 {appResult.P99Ms:F2} ms (target < 5 ms): {(appResult.P99Ms < 5 ? "met" : "NOT met")}; " +
                  $"{ratio:F2}x the bare endpoint's best p99 (target <= 3x): {(ratio <= 3 ? "met" : "NOT met")}");
return 0;
