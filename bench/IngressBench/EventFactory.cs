using System.Text;
using ChatOps.TestKit.Lark;

namespace ChatOps.Bench;

/// <summary>Requests are built before they are timed, so the client's own crypto is not measured.</summary>
internal static class EventFactory
{
    private static readonly string[] Questions =
    [
        "@_user_1 tell me a joke",
        "@_user_1 what's for lunch today?",
        "@_user_1 according to the runbook, how do I restart checkout-api?",
        "@_user_1 is checkout-api throwing 5xx in prod right now?",
    ];

    public static HttpRequestMessage EncryptedMention(int unique)
    {
        var json = LarkEvent.Text(Questions[unique % Questions.Length])
            .MentioningBot()
            .InGroup($"oc_bench_{unique % 7}")
            .WithMessageId($"om_bench_{unique:D7}_{Guid.NewGuid():N}")
            .Build();
        return LarkRequest.Encrypted(json, LarkFakes.EncryptKey, DateTimeOffset.UtcNow);
    }

    public static HttpRequestMessage Plain(int unique)
    {
        var json = LarkEvent.Text(Questions[unique % Questions.Length]).MentioningBot().Build();
        return new HttpRequestMessage(HttpMethod.Post, LarkRequest.Path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
    }
}
