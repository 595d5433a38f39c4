using ChatOps.TestKit.Bedrock;
using ChatOps.TestKit.Lark;
using ChatOps.TestKit.QCli;

namespace ChatOps.Bench;

/// <summary>The app's outside world on loopback: Lark Open API, Bedrock Runtime (the intent classifier), Bedrock Agent
/// Runtime (the knowledge base) and the Q CLI proxy. They keep no request history (a soak would grow with it); what the
/// bench checks goes to the <see cref="Ledger"/> as requests arrive.</summary>
internal sealed class BenchFakes(FakeLarkOpenApi lark, FakeBedrockRuntime bedrock, FakeBedrockAgentRuntime knowledge, FakeQCliProxy proxy)
    : IAsyncDisposable
{
    public FakeLarkOpenApi Lark => lark;
    public FakeBedrockRuntime Bedrock => bedrock;
    public FakeBedrockAgentRuntime Knowledge => knowledge;
    public FakeQCliProxy Proxy => proxy;

    public static async Task<BenchFakes> StartAsync(BenchOptions options, Ledger ledger)
    {
        var lark = (await FakeLarkOpenApi.StartAsync()).WithApp(LarkEvent.DefaultAppId, EventFactory.AppSecret, LarkEvent.DefaultBotOpenId);
        lark.KeepReplies = false;
        lark.ReplyObserver = ledger.Replied;

        var bedrock = await FakeBedrockRuntime.StartAsync(question =>
        {
            var (label, message) = MessageMix.Classify(question);
            ledger.Classified(message);
            return label;
        });
        bedrock.KeepRequests = false;
        bedrock.ResponseDelay = TimeSpan.FromMilliseconds(options.ClassifyMs);

        var knowledge = await FakeBedrockAgentRuntime.StartAsync();
        knowledge.KeepRequests = false;
        knowledge.DefaultAnswer = BenchAnswers.Knowledge(TimeSpan.FromMilliseconds(options.FrameMs));

        var proxy = await FakeQCliProxy.StartAsync();
        proxy.KeepRequests = false;
        var pause = TimeSpan.FromMilliseconds(options.FrameMs);
        proxy.DefaultReply = request =>
        {
            var message = MessageMix.MessageOf(request.Prompt ?? string.Empty);
            ledger.ProxyCalled(message);
            return BenchAnswers.Ops(MessageMix.Ref(Math.Max(0, message)), pause);
        };
        return new BenchFakes(lark, bedrock, knowledge, proxy);
    }

    /// <summary>Drops what the fakes remember across requests (Lark uuids, knowledge-base sessions) before a memory sample.</summary>
    public void Forget()
    {
        lark.ForgetUuids();
        knowledge.ForgetSessions();
    }

    public async ValueTask DisposeAsync()
    {
        await proxy.DisposeAsync();
        await knowledge.DisposeAsync();
        await bedrock.DisposeAsync();
        await lark.DisposeAsync();
    }
}
