using System.Diagnostics;
using ChatOps.TestKit.Bedrock;
using ChatOps.TestKit.Lark;
using ChatOps.TestKit.QCli;

namespace ChatOps.Bench;

/// <summary>Asks questions through POST /lark/events. The model's (or CLI's) stream is held before its first frame until
/// the app is waiting on it; T0 is the release, T1 the first moment the answer's card shows text (<see cref="CardWatch"/>).</summary>
internal sealed class AnswerRunner(LiveApp app, FakeLarkOpenApi lark, FakeBedrockAgentRuntime knowledge, FakeQCliProxy proxy,
    CardWatch watch, HttpClient http, BenchOptions options)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private int _asked;
    private int _knowledgeAsked;
    private int _opsAsked;

    /// <summary>Answers whose card did not end with the whole answer, or that were not answered in a card.</summary>
    public int Failed { get; private set; }

    /// <summary>What each failed answer's last card showed.</summary>
    public List<string> Failures { get; } = [];

    /// <summary>Starts <paramref name="routes"/>.Count answers at once, releases all their streams together, and returns
    /// each one's first-text latency in ms. frames: output frames per answer.</summary>
    public async Task<List<double>> RunAsync(IReadOnlyList<AnswerRoute> routes, int frames)
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var delay = TimeSpan.FromMilliseconds(options.FrameMs);
        var asked = new List<(string MessageId, AnswerRoute Route, Task<long> Visible)>();
        var requests = new List<HttpRequestMessage>();
        foreach (var route in routes)
        {
            if (route == AnswerRoute.Knowledge)
            {
                knowledge.Enqueue(FakeKnowledgeOutcome.Answering(BenchAnswers.Knowledge(frames, delay)).PausingAfter(0, gate.Task));
            }
            else
            {
                proxy.Enqueue(BenchAnswers.Ops(frames, delay, gate.Task));
            }
            var (messageId, request) = NextEvent(route);
            asked.Add((messageId, route, watch.Expect(messageId)));
            requests.Add(request);
        }
        await Task.WhenAll(requests.Select(AckAsync));
        _knowledgeAsked += routes.Count(r => r == AnswerRoute.Knowledge);
        _opsAsked += routes.Count(r => r == AnswerRoute.Ops);
        await StreamsOpenedAsync();
        // Outside the measurement: the app has sent its request and now waits for the first frame.
        await Task.Delay(options.SettleMs);
        var t0 = Stopwatch.GetTimestamp();
        gate.SetResult();
        var latencies = new List<double>();
        foreach (var (_, _, visible) in asked)
        {
            latencies.Add(Stopwatch.GetElapsedTime(t0, await visible.WaitAsync(Timeout)).TotalMilliseconds);
        }
        if (!await app.WhenIdleAsync(Timeout))
        {
            throw new TimeoutException("The worker did not finish the answers in time.");
        }
        foreach (var (messageId, route, _) in asked)
        {
            var cards = lark.CardsIn(messageId);
            var end = route == AnswerRoute.Knowledge ? BenchAnswers.KnowledgeEnd : BenchAnswers.OpsEnd;
            if (cards.Count == 0 || !cards[^1].Element("answer").Contains(end, StringComparison.Ordinal) || cards[^1].Streaming)
            {
                Failed++;
                var last = cards.Count == 0 ? "no card" : $"{cards.Count} card(s), last streaming={cards[^1].Streaming}, " +
                    $"status \"{cards[^1].Element("status")}\", answer ends \"{Tail(cards[^1].Element("answer"))}\"";
                Failures.Add($"{route} {messageId}: {last}; other replies: {lark.RepliesTo(messageId).Count(r => r.MsgType != "interactive")}");
            }
        }
        return latencies;
    }

    private static string Tail(string text) => (text.Length > 60 ? "…" + text[^60..] : text).ReplaceLineEndings("⏎");

    // Both fakes have received every request this runner sent (polled outside the measured interval).
    private async Task StreamsOpenedAsync()
    {
        var until = Stopwatch.GetTimestamp() + (long)(Timeout.TotalSeconds * Stopwatch.Frequency);
        while (knowledge.Requests.Count < _knowledgeAsked || proxy.Requests.Count < _opsAsked)
        {
            if (Stopwatch.GetTimestamp() > until)
            {
                throw new TimeoutException(
                    $"The app did not call the fakes in time (knowledge {knowledge.Requests.Count}/{_knowledgeAsked}, proxy {proxy.Requests.Count}/{_opsAsked}): " +
                    "the local classifier routed a question elsewhere.");
            }
            await Task.Delay(2);
        }
    }

    // Built (and encrypted) before the clock starts, so the client's own crypto is not measured.
    private (string MessageId, HttpRequestMessage Request) NextEvent(AnswerRoute route)
    {
        var n = ++_asked;
        var message = LarkEvent.Text(route == AnswerRoute.Knowledge ? BenchAnswers.KnowledgeQuestion : BenchAnswers.OpsQuestion)
            .MentioningBot()
            .InGroup($"oc_cardbench_{n % 7}")
            .WithMessageId($"om_cardbench_{n:D5}_{Guid.NewGuid():N}");
        return (message.MessageId, LarkRequest.Encrypted(message.Build(), BenchApp.EncryptKey, DateTimeOffset.UtcNow));
    }

    private async Task AckAsync(HttpRequestMessage request)
    {
        using (request)
        {
            using var response = await http.SendAsync(request);
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"POST /lark/events answered {(int)response.StatusCode}.");
            }
        }
    }
}
