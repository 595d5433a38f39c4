using System.Diagnostics;
using ChatOps.TestKit.Bedrock;
using ChatOps.TestKit.Lark;

namespace ChatOps.Bench;

/// <summary>Asks one question at a time through POST /lark/events and times it with <see cref="RequestProbe"/>.</summary>
internal sealed class QuestionRunner(LiveApp app, FakeBedrockAgentRuntime knowledge, FakeLarkOpenApi lark, RequestProbe probe, HttpClient http, int settleMs)
{
    private const string Question = "@_user_1 according to the runbook, how do I restart checkout-api?";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);
    private int asked;

    /// <summary>Answers whose first reply was not exactly the first frame's text (so the interval measured something else).</summary>
    public int Miscut { get; private set; }

    /// <summary>The fake pauses after the first output frame; T0 is the release of that pause (the second frame is then
    /// written), T1 the moment the fake Lark starts handling the first reply. Returns T1 − T0 in ms.</summary>
    public async Task<double> OverheadAsync()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        knowledge.Enqueue(FakeKnowledgeOutcome.Answering(KnowledgeAnswers.Answer).PausingAfter(1, gate.Task));
        var (messageId, request) = NextEvent();
        var knowledgeAsked = probe.Expect("/retrieveAndGenerateStream");
        var replied = probe.Expect($"/messages/{messageId}/reply");
        await AckAsync(request);
        await knowledgeAsked.WaitAsync(Timeout);
        // Outside the measurement: time for the app to receive and process the first frame.
        await Task.Delay(settleMs);
        if (replied.IsCompleted)
        {
            throw new InvalidOperationException("A reply was posted before the second output frame; the first frame alone made a segment.");
        }
        var t0 = Stopwatch.GetTimestamp();
        gate.SetResult();
        var t1 = await replied.WaitAsync(Timeout);
        await FinishAsync(messageId);
        return Stopwatch.GetElapsedTime(t0, t1).TotalMilliseconds;
    }

    /// <summary>No pause: from just before the event is sent to the first reply, and the knowledge-base request in between.</summary>
    public async Task<(double ToFirstReply, double ToKnowledgeRequest)> EndToEndAsync()
    {
        knowledge.Enqueue(FakeKnowledgeOutcome.Answering(KnowledgeAnswers.Answer));
        var (messageId, request) = NextEvent();
        var knowledgeAsked = probe.Expect("/retrieveAndGenerateStream");
        var replied = probe.Expect($"/messages/{messageId}/reply");
        var sent = Stopwatch.GetTimestamp();
        await AckAsync(request);
        var t1 = await replied.WaitAsync(Timeout);
        var tk = await knowledgeAsked.WaitAsync(Timeout);
        await FinishAsync(messageId);
        return (Stopwatch.GetElapsedTime(sent, t1).TotalMilliseconds, Stopwatch.GetElapsedTime(sent, tk).TotalMilliseconds);
    }

    // Built (and encrypted) before the clock starts, so the client's own crypto is not measured.
    private (string MessageId, HttpRequestMessage Request) NextEvent()
    {
        var n = ++asked;
        var message = LarkEvent.Text(Question)
            .MentioningBot()
            .InGroup($"oc_kbbench_{n % 7}")
            .WithMessageId($"om_kbbench_{n:D5}_{Guid.NewGuid():N}");
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

    // The whole answer is posted before the next question, so answers never overlap.
    private async Task FinishAsync(string messageId)
    {
        await app.WhenIdleAsync(Timeout);
        var replies = lark.RepliesTo(messageId);
        var first = replies.Count > 0 ? replies[0].Text : string.Empty;
        if (replies.Count < 2 || !first.Contains(KnowledgeAnswers.FirstFrameEnd, StringComparison.Ordinal)
            || first.Contains(KnowledgeAnswers.SecondFrameStart, StringComparison.Ordinal))
        {
            Miscut++;
        }
    }
}
