using ChatOps.TestKit.Slack;
using static ChatOps.LarkBotAdapter.Tests.Hostile.HostileRequests;

namespace ChatOps.LarkBotAdapter.Tests.Hostile;

public static partial class SlackFuzzCorpus
{
    public const int GeneratedPerKind = 25;

    // A fixed ts per case: with the fixed seed, every run sends the same bodies.
    private static string Template(int index)
    {
        var e = SlackEvent.AppMention("what's the best pizza topping?");
        return e.Build().Replace(e.Ts, $"1600000000.{index:D6}", StringComparison.Ordinal);
    }

    private static void AddGenerated(CorpusBuilder c)
    {
        for (var i = 0; i < GeneratedPerKind; i++)
        {
            var n = i;
            c.Add($"generated #{n:D2}: bytes mutated, then signed", Expect.Survives,
                () => SlackEventSigned(FuzzMutator.MutateBytes(Utf8(Template(n)), FuzzMutator.For(300 + n))));
            c.Add($"generated #{n:D2}: JSON value replaced, then signed", Expect.Survives,
                () => SlackEventSigned(FuzzMutator.MutateTree(Template(100 + n), FuzzMutator.For(400 + n))));
            c.Add($"generated #{n:D2}: signed, then bytes mutated", Expect.Refused, () => SignedThenMutated(200 + n), 401);
        }
    }

    private static HttpRequestMessage SignedThenMutated(int index)
    {
        var body = Utf8(Template(index));
        var headers = SlackHeaders(body);
        var mutated = FuzzMutator.MutateBytes(body, FuzzMutator.For(500 + index));
        if (mutated.AsSpan().SequenceEqual(body))
        {
            mutated[^3] ^= 0x01;
        }
        return Raw(SlackRequest.EventsPath, mutated, Json, headers);
    }
}
