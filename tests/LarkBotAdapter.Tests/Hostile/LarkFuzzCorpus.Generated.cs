using ChatOps.LarkBotAdapter.Tests.AppHost;
using ChatOps.TestKit.Lark;
using static ChatOps.LarkBotAdapter.Tests.Hostile.HostileRequests;

namespace ChatOps.LarkBotAdapter.Tests.Hostile;

public static partial class LarkFuzzCorpus
{
    public const int GeneratedPerKind = 25;

    // Fixed ids and text: with the fixed seed, every run sends the same bodies.
    private static string Template(int index) =>
        Valid("what's the best pizza topping?").WithMessageId($"om_fuzz_{index}").WithEventId($"ev_fuzz_{index}").Build();

    private static void AddGenerated(CorpusBuilder c)
    {
        for (var i = 0; i < GeneratedPerKind; i++)
        {
            var n = i;
            c.Add($"generated #{n:D2}: bytes mutated, then signed", Expect.Survives,
                () => LarkSigned(FuzzMutator.MutateBytes(Utf8(Template(n)), FuzzMutator.For(n))));
            c.Add($"generated #{n:D2}: JSON value replaced, then encrypted", Expect.Survives,
                () => LarkEncrypted(FuzzMutator.MutateTree(Template(100 + n), FuzzMutator.For(100 + n))));
            c.Add($"generated #{n:D2}: signed, then bytes mutated", Expect.Refused, () => SignedThenMutated(200 + n));
        }
    }

    private static HttpRequestMessage SignedThenMutated(int index)
    {
        var random = FuzzMutator.For(index);
        var body = Utf8(LarkTestCrypto.EncryptedBody(ChatOpsApp.EncryptKey, Template(index)));
        var headers = LarkHeaders(body);
        var mutated = FuzzMutator.MutateBytes(body, random);
        // A mutation that happens to give back the same bytes is not a mutation: change one more byte.
        if (mutated.AsSpan().SequenceEqual(body))
        {
            mutated[^3] ^= 0x01;
        }
        return Raw(LarkRequest.Path, mutated, Json, headers);
    }
}
