using System.Diagnostics;

namespace ChatOps.Bench;

/// <summary><c>load</c>: a burst of unique messages plus redeliveries on a fixed schedule, then every answer checked.</summary>
internal static class LoadMode
{
    public static async Task<int> RunAsync(BenchOptions o)
    {
        Console.WriteLine($"load bench: {o.Messages} messages over {o.Seconds:0.#} s (+{o.Duplicates:P0} redeliveries), {o.Chats} chats, " +
                          $"{o.Users} users, state {o.State}, worker concurrency {o.Concurrency}, classifier {o.ClassifyMs} ms, " +
                          $"{o.FrameMs} ms between frames; {Environment.ProcessorCount} cores; load average {Harness.LoadAverage()}");
        await using var harness = await Harness.StartAsync(o, o.Warmup + o.Messages);
        Console.WriteLine($"state: {harness.State.Description}");
        using var metrics = new HttpMetrics(o.Warmup + (2 * o.Messages), harness.State.Port);

        if (o.Warmup > 0)
        {
            // Not measured: lets tiered compilation and the connection pools settle, as on a warm instance.
            var warmAcks = new AckLog(o.Warmup);
            await harness.RunAsync(Schedule.Build(0, o.Warmup, Math.Max(1, o.Warmup / 20.0), 0), warmAcks, prebuild: true);
            await harness.App.WhenIdleAsync(TimeSpan.FromSeconds(o.DrainTimeoutSeconds));
            Console.WriteLine($"warm-up: {o.Warmup} messages, {warmAcks.Errors} errors");
        }

        metrics.Reset();
        var sends = Schedule.Build(o.Warmup, o.Messages, o.Seconds, o.Duplicates);
        var acks = new AckLog(sends.Length);
        var duplicates = sends.Count(s => s.Duplicate);
        await using var memory = new MemoryWatch();
        var started = Stopwatch.GetTimestamp();
        await harness.RunAsync(sends, acks, prebuild: true);
        var burst = Stopwatch.GetElapsedTime(started);
        var drainStart = Stopwatch.GetTimestamp();
        var idle = await harness.App.WhenIdleAsync(TimeSpan.FromSeconds(o.DrainTimeoutSeconds));
        var drain = Stopwatch.GetElapsedTime(drainStart);
        var maxHeap = memory.MaxHeapBytes;
        var maxWorkingSet = memory.MaxWorkingSetBytes;
        var check = AnswerCheck.Of(harness.Ledger, o.Warmup, o.Warmup + o.Messages);

        Console.WriteLine();
        Console.WriteLine($"sent: {sends.Length - duplicates} unique + {duplicates} duplicates = {sends.Length} requests in {burst.TotalSeconds:F1} s " +
                          $"({sends.Length / burst.TotalSeconds:F1}/s)");
        Console.WriteLine($"acks by status: {acks.Statuses}; errors (non-200 or transport): {acks.Errors}");
        Console.WriteLine($"worker {(idle ? "idle" : "NOT idle")} {drain.TotalSeconds:F2} s after the last ack (drain); " +
                          $"burst start to idle {(burst + drain).TotalSeconds:F1} s");
        check.Print();
        var ack = acks.Latency("ack (client: request sent -> response)");
        Console.WriteLine(ack.Row);
        Console.WriteLine(metrics.Server("ack (app: Kestrel request duration)").Row);
        if (harness.State.Port > 0)
        {
            Console.WriteLine(metrics.State("state store call (app's DynamoDB client)").Row);
        }
        Console.WriteLine($"memory: peak working set (VmHWM) {Fmt(MemoryWatch.PeakResidentBytes())}, max sampled working set {MemoryWatch.Mb(maxWorkingSet)}, " +
                          $"max sampled GC heap {MemoryWatch.Mb(maxHeap)}, final GC heap {MemoryWatch.Mb(GC.GetTotalMemory(forceFullCollection: true))} (after a full GC)");
        Console.WriteLine($"strays (requests naming no bench message): {harness.Ledger.Strays}; load average at the end: {Harness.LoadAverage()}");

        var answersOk = check.Passed && idle;
        var ackOk = ack.P99 < 20;
        Console.WriteLine($"verdict: answers {(answersOk ? "exactly once, complete (met)" : "LOST, DUPLICATED OR INCOMPLETE (NOT met)")}; " +
                          $"errors {acks.Errors} (target 0: {(acks.Errors == 0 ? "met" : "NOT met")}); " +
                          $"ack p99 {ack.P99:F2} ms (target < 20 ms: {(ackOk ? "met" : "NOT met")})");
        return answersOk && acks.Errors == 0 ? 0 : 1;
    }

    private static string Fmt(long? bytes) => bytes is { } b ? MemoryWatch.Mb(b) : "n/a";
}
