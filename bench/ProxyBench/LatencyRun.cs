using System.Diagnostics;
using System.Text.Json;
using ChatOps.TestKit.QCli;

namespace ChatOps.ProxyBench;

/// <summary>Sends requests whose fake CLI prints timestamped lines, and records when each line reaches the client.</summary>
internal static class LatencyRun
{
    public static async Task<Samples> ThroughProxyAsync(HttpClient http, BenchOptions options, int requests)
    {
        var samples = new Samples();
        var next = -1;
        var workers = Enumerable.Range(0, options.Parallel).Select(async _ =>
        {
            while (Interlocked.Increment(ref next) < requests)
            {
                await OneRequestAsync(http, options, $"bench-{Guid.NewGuid():N}", samples);
            }
        });
        await Task.WhenAll(workers);
        return samples;
    }

    /// <summary>The same fake read straight from its stdout pipe: the floor that bash, the pipe and the clock give.</summary>
    public static async Task<Samples> DirectAsync(string fakeCli, string home, BenchOptions options, int runs)
    {
        var samples = new Samples();
        for (var i = 0; i < runs; i++)
        {
            var start = new ProcessStartInfo(fakeCli) { RedirectStandardOutput = true, UseShellExecute = false };
            // Framed as the proxy frames a question: a bare "@…" is a prompt reference to the CLIs (and to the fake).
            start.ArgumentList.Add($"----- BEGIN CHAT QUESTION -----\n{Prompt(options)}\n----- END CHAT QUESTION -----");
            start.Environment["HOME"] = home;
            using var process = Process.Start(start)!;
            while (await process.StandardOutput.ReadLineAsync() is { } line)
            {
                samples.Add(line, Samples.NowMicros());
            }

            await process.WaitForExitAsync();
        }

        return samples;
    }

    private static async Task OneRequestAsync(HttpClient http, BenchOptions options, string conversation, Samples samples)
    {
        var json = JsonSerializer.Serialize(new { conversationId = conversation, prompt = Prompt(options), user = "bench", channel = "lark", awsProfile = (string?)null });
        using var request = QCliProxySigner.ChatRequest(ProxyProcess.Secret, json, DateTimeOffset.UtcNow);
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        var done = false;
        while (await reader.ReadLineAsync() is { } raw)
        {
            var arrived = Samples.NowMicros();
            using var line = JsonDocument.Parse(raw);
            var type = line.RootElement.GetProperty("type").GetString();
            if (type == "chunk")
            {
                foreach (var text in line.RootElement.GetProperty("text").GetString()!.Split('\n', StringSplitOptions.RemoveEmptyEntries))
                {
                    samples.Add(text, arrived);
                }
            }
            else
            {
                done = type == "done";
            }
        }

        if (!done)
        {
            throw new InvalidOperationException("a bench request did not end with done");
        }
    }

    private static string Prompt(BenchOptions options) => $"@lines {options.Lines} {options.IntervalMs}";
}
