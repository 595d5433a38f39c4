using System.Net;
using ChatOps.LarkBotAdapter.Tests.AppHost;
using ChatOps.TestKit.Lark;

namespace ChatOps.LarkBotAdapter.Tests.Channels.Lark;

/// <summary>Several Lark apps served by one deployment (comma-separated LARK_* lists, same order).</summary>
public sealed class LarkMultiAppTests
{
    private const string SecondApp = "cli_second_app";
    private const string SecondKey = "second-encrypt-key";
    private const string SecondToken = "second-verification-token";

    private static async Task<FakeLarkOpenApi> StartLarkAsync() =>
        (await ChatOpsApp.StartLarkAsync()).WithApp(SecondApp, "second-app-secret", "ou_second_bot");

    private static async Task<ChatOpsApp> StartTwoAppsAsync(FakeLarkOpenApi lark)
    {
        return await ChatOpsApp.StartAsync(s =>
        {
            s["LARK_APP_ID"] = $"{LarkEvent.DefaultAppId}, {SecondApp}";
            s["LARK_APP_SECRET"] = $"{ChatOpsApp.AppSecret},second-app-secret";
            s["LARK_VERIFICATION_TOKEN"] = $"{LarkEvent.DefaultToken},{SecondToken}";
            s["LARK_ENCRYPT_KEY"] = $"{ChatOpsApp.EncryptKey},{SecondKey}";
        }, lark: lark);
    }

    [Fact]
    public async Task EventOfTheSecondAppIsVerifiedWithItsKeyAndAnsweredAsThatApp()
    {
        await using var lark = await StartLarkAsync();
        await using var app = await StartTwoAppsAsync(lark);
        var message = LarkEvent.Text("@_user_1 tell me a joke").MentioningBot("ou_second_bot").ForApp(SecondApp, SecondToken);
        using var response = await app.SendAsync(LarkRequest.Encrypted(message.Build(), SecondKey, DateTimeOffset.UtcNow));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await app.WhenIdleAsync();
        var reply = Assert.Single(app.Lark.RepliesTo(message.MessageId));
        Assert.Equal(SecondApp, reply.AppId);
    }

    [Fact]
    public async Task EventSignedWithOneAppsKeyButClaimingTheOtherAppIsRejected()
    {
        await using var lark = await StartLarkAsync();
        await using var app = await StartTwoAppsAsync(lark);
        var message = LarkEvent.Text("@_user_1 tell me a joke").MentioningBot("ou_second_bot").ForApp(SecondApp, SecondToken);
        using var response = await app.SendAsync(LarkRequest.Encrypted(message.Build(), ChatOpsApp.EncryptKey, DateTimeOffset.UtcNow));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await app.WhenIdleAsync();
        Assert.Empty(app.Lark.Replies);
    }

    [Fact]
    public async Task MentionOfTheOtherAppsBotIsNotAnsweredByThisOne()
    {
        await using var lark = await StartLarkAsync();
        await using var app = await StartTwoAppsAsync(lark);
        var message = LarkEvent.Text("@_user_1 tell me a joke").MentioningBot("ou_second_bot");
        (await app.SendLarkAsync(message.Build())).Dispose();
        await app.WhenIdleAsync();
        Assert.Empty(app.Lark.Replies);
    }
}
