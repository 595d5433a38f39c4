using ChatOps.LarkBotAdapter.Tests.AppHost;
using ChatOps.TestKit.Lark;
using ChatOps.TestKit.Slack;
using static ChatOps.LarkBotAdapter.Tests.Hostile.HostileRequests;

namespace ChatOps.LarkBotAdapter.Tests.Hostile;

/// <summary>A refused signature takes nothing: the same message, correctly signed afterwards, is still answered once.</summary>
[Collection(HostileCollection.Name)]
public sealed class SignatureSideEffectTests(HostileApp app)
{
    [Fact]
    public async Task LarkBadSignatureTakesNoClaim()
    {
        var body = Utf8(LarkTestCrypto.EncryptedBody(ChatOpsApp.EncryptKey, LarkFuzzCorpus.Valid().Build()));
        await app.CheckAsync(new("bad", () => Raw(LarkRequest.Path, body, Json, LarkHeaders(body, key: "test-wrong-key")), Expect.Refused, 401));
        await app.CheckAsync(new("good", () => LarkSigned(body), Expect.Answered));
        await app.CheckAsync(new("again", () => LarkSigned(body), Expect.Ignored));
    }

    [Fact]
    public async Task SlackEventBadSignatureTakesNoClaim()
    {
        var body = Utf8(SlackFuzzCorpus.Valid());
        await app.CheckAsync(new("bad", () => Raw(SlackRequest.EventsPath, body, Json, SlackHeaders(body, secret: "test-wrong-secret")), Expect.Refused, 401));
        await app.CheckAsync(new("good", () => SlackEventSigned(body), Expect.Answered));
        await app.CheckAsync(new("again", () => SlackEventSigned(body), Expect.Ignored));
    }

    [Fact]
    public async Task SlackCommandBadSignatureTakesNoClaim()
    {
        var body = Utf8(SlackCommandFuzzCorpus.Valid());
        await app.CheckAsync(new("bad", () => Raw(SlackRequest.CommandsPath, body, Form, SlackHeaders(body, secret: "test-wrong-secret")), Expect.Refused, 401));
        await app.CheckAsync(new("good", () => SlackCommandSigned(body), Expect.Answered));
    }
}
