using System.Diagnostics;

namespace ChatOps.Bench;

/// <summary><c>soak</c>: a steady open-loop rate for minutes; resources sampled after a forced GC at the end of the
/// warm-up (baseline), every <c>--sample-seconds</c>, and once the load has stopped and the worker is idle.</summary>
internal static class SoakMode
{
    public static async Task<int> RunAsync(BenchOptions o)
    {
        var seconds = o.Minutes * 60;
        var warmup = o.WarmupSeconds < seconds ? o.WarmupSeconds : seconds / 4;
        var count = (int)Math.Round(o.Rate * seconds);
        Console.WriteLine($"soak bench: {o.Rate:0.#} messages/s for {o.Minutes:0.##} min ({count} messages, +{o.Duplicates:P0} redeliveries), " +
                          $"baseline after {warmup:0} s, samples every {o.SampleSeconds:0} s, state {o.State}, {o.Chats} chats, {o.Users} users, " +
                          $"classifier {o.ClassifyMs} ms, {o.FrameMs} ms between frames; {Environment.ProcessorCount} cores; load average {Harness.LoadAverage()}");
        await using var harness = await Harness.StartAsync(o, count);
        Console.WriteLine($"state: {harness.State.Description}");
        var sends = Schedule.Build(0, count, seconds, o.Duplicates);
        var acks = new AckLog(sends.Length);
        var started = Stopwatch.GetTimestamp();
        int Answered() => AnsweredSoFar(harness.Ledger, count);

        using var stop = new CancellationTokenSource();
        var samples = new List<ProcessSample>();
        var sampler = SampleAsync(harness, warmup, o.SampleSeconds, started, samples, Answered, acks, stop.Token);
        await harness.RunAsync(sends, acks, prebuild: false);
        await stop.CancelAsync();
        await sampler;
        var idle = await harness.App.WhenIdleAsync(TimeSpan.FromSeconds(o.DrainTimeoutSeconds));
        harness.Fakes.Forget();
        var final = ProcessSample.Take(Stopwatch.GetElapsedTime(started)) with { Answered = Answered() };
        Console.WriteLine(final.Row(acks.Errors) + "   (final: load stopped, worker idle)");
        if (samples.Count == 0)
        {
            Console.WriteLine("no baseline was taken (the run ended before the warm-up did)");
            return 1;
        }
        var baseline = samples[0];
        var growth = (final.HeapBytes - baseline.HeapBytes) / (double)Math.Max(1, Answered() - baseline.Answered);
        Console.WriteLine($"GC heap growth per message answered after the baseline: {growth:F0} bytes" + (o.Dynalite ? "" :
            " (in-memory state keeps every claim 24 h and every thread 7 days, so it grows with traffic by design)"));
        return Report(baseline, final, harness, acks, idle, count, sends.Count(s => s.Duplicate));
    }

    private static async Task SampleAsync(Harness harness, double warmup, double every, long started, List<ProcessSample> samples,
        Func<int> answered, AckLog acks, CancellationToken stop)
    {
        try
        {
            for (var due = warmup; ; due += every)
            {
                var wait = TimeSpan.FromSeconds(due) - Stopwatch.GetElapsedTime(started);
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, stop);
                }
                harness.Fakes.Forget();
                var sample = ProcessSample.Take(Stopwatch.GetElapsedTime(started)) with { Answered = answered() };
                samples.Add(sample);
                if (samples.Count == 1)
                {
                    Console.WriteLine(ProcessSample.Header);
                }
                Console.WriteLine(sample.Row(acks.Errors) + (samples.Count == 1 ? "   (baseline)" : ""));
            }
        }
        catch (OperationCanceledException)
        {
            // The load is over; the final sample is taken once the worker is idle.
        }
    }

    private static int AnsweredSoFar(Ledger ledger, int count)
    {
        var answered = 0;
        for (var m = 0; m < count; m++)
        {
            answered += ledger[m].Answered ? 1 : 0;
        }
        return answered;
    }

    private static int Report(ProcessSample baseline, ProcessSample final, Harness harness, AckLog acks, bool idle, int count, int duplicates)
    {
        var heap = ProcessSample.Drift(baseline.HeapBytes, final.HeapBytes);
        var workingSet = ProcessSample.Drift(baseline.WorkingSetBytes, final.WorkingSetBytes);
        var handles = ProcessSample.Drift(baseline.Handles, final.Handles);
        var fds = ProcessSample.Drift(baseline.FileDescriptors, final.FileDescriptors);
        var threads = ProcessSample.Drift(baseline.Threads, final.Threads);
        Console.WriteLine();
        Console.WriteLine($"drift from baseline to final: GC heap {heap:+0.0;-0.0}%, working set {workingSet:+0.0;-0.0}%, handles {handles:+0.0;-0.0}%, " +
                          $"open fds {fds:+0.0;-0.0}%, threads {threads:+0.0;-0.0}%");
        var check = AnswerCheck.Of(harness.Ledger, 0, count);
        Console.WriteLine($"sent: {count} unique + {duplicates} duplicates; acks by status: {acks.Statuses}; errors: {acks.Errors}; worker {(idle ? "idle" : "NOT idle")} at the end");
        check.Print();
        Console.WriteLine(acks.Latency("ack (client: request sent -> response)").Row);
        Console.WriteLine($"strays: {harness.Ledger.Strays}; load average at the end: {Harness.LoadAverage()}");
        // Growth is what a leak looks like; ending below the baseline passes.
        var memoryOk = heap <= 10 && workingSet <= 10;
        var handlesOk = handles <= 10 && (final.FileDescriptors < 0 || fds <= 10);
        var answersOk = check.Passed && idle && acks.Errors == 0;
        Console.WriteLine($"verdict: memory drift {(memoryOk ? "at most +10% (met)" : "over +10% (NOT met)")}; handle drift {(handlesOk ? "at most +10% (met)" : "over +10% (NOT met)")}; " +
                          $"answers {(answersOk ? "exactly once, errors 0 (met)" : "LOST/DUPLICATED/ERRORS (NOT met)")}");
        return answersOk ? 0 : 1;
    }
}
