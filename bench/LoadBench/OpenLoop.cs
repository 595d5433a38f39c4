using System.Diagnostics;
using System.Net;

namespace ChatOps.Bench;

/// <summary>Open-loop load: each request starts at its scheduled time whether or not earlier ones have finished, so a
/// slow server shows up as latency instead of quietly lowering the rate.</summary>
internal sealed class OpenLoop(HttpClient http, Ledger ledger, AckLog acks)
{
    /// <summary>Sends <paramref name="sends"/> on schedule. Requests are built before their clock starts: all up front
    /// when <paramref name="prebuild"/>, else each just before it is due (a long soak would hold too many).</summary>
    public async Task RunAsync(Send[] sends, Func<Send, HttpRequestMessage> build, bool prebuild, CancellationToken cancellationToken = default)
    {
        var built = prebuild ? sends.Select(build).ToArray() : null;
        var inFlight = new List<Task>(sends.Length);
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < sends.Length; i++)
        {
            var request = built?[i];
            if (request is null)
            {
                // Build a little ahead of time, then wait: the encryption is never inside the measured interval.
                var lead = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), start + Ticks(sends[i].At)) - TimeSpan.FromMilliseconds(5);
                if (lead > TimeSpan.Zero)
                {
                    await Task.Delay(lead, cancellationToken);
                }
                request = build(sends[i]);
            }
            // Sleep (not spin) until the request is due: a spinning client would steal the server's cores.
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), start + Ticks(sends[i].At));
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, cancellationToken);
            }
            inFlight.Add(SendAsync(request, sends[i]));
            if (inFlight.Count >= 4096)
            {
                inFlight.RemoveAll(t => t.IsCompleted);
            }
        }
        await Task.WhenAll(inFlight);
    }

    private async Task SendAsync(HttpRequestMessage request, Send send)
    {
        var sent = Stopwatch.GetTimestamp();
        if (!send.Duplicate)
        {
            ledger.Sent(send.Message, sent);
        }
        string status;
        var ok = false;
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            status = ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
            ok = response.StatusCode == HttpStatusCode.OK;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            status = "transport error";
        }
        acks.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds, status, ok);
        request.Dispose();
    }

    private static long Ticks(double seconds) => (long)(seconds * Stopwatch.Frequency);
}
