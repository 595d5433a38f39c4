using System.Diagnostics;
using System.Net;
using ChatOps.TestKit.Lark;

namespace ChatOps.ColdStartBench;

/// <summary>One measurement: start the published app, POST the prepared @mention every ~2 ms (connection refused at
/// first) until the first 200, wait for its first thread reply at the fake Lark, read the app's memory, kill it.</summary>
internal static class ColdRun
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    public static async Task<RunResult> RunAsync(Variant variant, int run, FakeLarkOpenApi lark, LarkProbe probe, CancellationToken cancellationToken)
    {
        var cold = await ColdEvent.CreateAsync($"om_cold_{(variant.ReadyToRun ? "r2r" : "jit")}_{run}_{Guid.NewGuid():N}");
        using var http = new HttpClient(new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(2) }) { Timeout = Patience };
        var botInfo = probe.Next("/open-apis/bot/v3/info");
        var reply = probe.Next($"/messages/{cold.MessageId}/reply");

        using var app = AppProcess.Start(variant, lark.BaseAddress);
        var ack = await PostUntilAcknowledgedAsync(app, cold, http, cancellationToken);
        var cpuAtAck = app.CpuMs();
        long replyAt;
        try
        {
            replyAt = await reply.WaitAsync(Patience, cancellationToken);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"acknowledged, but no reply reached the fake Lark within {Patience.TotalSeconds} s:\n{app.Output}");
        }
        while (lark.RepliesTo(cold.MessageId).Count == 0)
        {
            await Task.Delay(1, cancellationToken);
        }
        var (rss, peak) = app.Memory();
        var cpu = app.CpuMs();
        double Ms(long at) => Stopwatch.GetElapsedTime(app.StartedAt, at).TotalMilliseconds;
        var text = lark.RepliesTo(cold.MessageId)[0].Text.ReplaceLineEndings(" ");
        return new RunResult(
            run, Ms(ack.ListeningAt), Ms(ack.AckAt), ack.Attempts, botInfo.IsCompletedSuccessfully ? Ms(botInfo.Result) : null, Ms(replyAt), cpuAtAck, cpu, rss, peak,
            text.Length > 48 ? text[..48] + "…" : text);
    }

    // A thread of its own with synchronous sends and Thread.Sleep: Task.Delay's timer fires every ~4 ms here, too coarse.
    private static Task<Acknowledgement> PostUntilAcknowledgedAsync(AppProcess app, ColdEvent cold, HttpClient http, CancellationToken cancellationToken) =>
        Task.Factory.StartNew(() => PostUntilAcknowledged(app, cold, http, cancellationToken), cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private static Acknowledgement PostUntilAcknowledged(AppProcess app, ColdEvent cold, HttpClient http, CancellationToken cancellationToken)
    {
        var attempts = 0;
        long? listeningAt = null;
        HttpStatusCode? last = null;
        while (Stopwatch.GetElapsedTime(app.StartedAt) < Patience)
        {
            attempts++;
            var attemptAt = Stopwatch.GetTimestamp();
            try
            {
                using var request = cold.NewRequest(app.BaseAddress);
                using var response = http.Send(request, cancellationToken);
                listeningAt ??= attemptAt;
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return new Acknowledgement(Stopwatch.GetTimestamp(), listeningAt.Value, attempts);
                }
                last = response.StatusCode;
            }
            catch (HttpRequestException)
            {
                // Connection refused: Kestrel is not listening yet.
            }
            if (app.HasExited)
            {
                throw new InvalidOperationException($"the app exited before acknowledging:\n{app.Output}");
            }
            Thread.Sleep(2);
        }
        throw new TimeoutException($"no 200 from /lark/events within {Patience.TotalSeconds} s (last status {last?.ToString() ?? "none"}):\n{app.Output}");
    }

    /// <param name="ListeningAt">When the first attempt that was not refused began: Kestrel was listening.</param>
    private sealed record Acknowledgement(long AckAt, long ListeningAt, int Attempts);
}
