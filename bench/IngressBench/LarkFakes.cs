using ChatOps.TestKit.Lark;

namespace ChatOps.Bench;

internal static class LarkFakes
{
    public const string AppSecret = "bench-app-secret";
    public const string EncryptKey = "bench-encrypt-key";

    public static async Task<FakeLarkOpenApi> StartAsync() =>
        (await FakeLarkOpenApi.StartAsync()).WithApp(LarkEvent.DefaultAppId, AppSecret, LarkEvent.DefaultBotOpenId);
}
