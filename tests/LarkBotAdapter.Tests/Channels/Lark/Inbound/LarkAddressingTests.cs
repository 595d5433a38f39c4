using System.Net;
using ChatOps.LarkBotAdapter.State;
using ChatOps.LarkBotAdapter.Tests.AppHost;
using ChatOps.TestKit.Lark;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.LarkBotAdapter.Tests.Channels.Lark.Inbound;

/// <summary>
/// Lark follows the one address rule (AddressPolicy) before the bot knows its own open_id: a follow-up in the bot's
/// thread that @mentions someone is left to the worker, which answers it only if the bot is among the mentions.
/// </summary>
public sealed class LarkAddressingTests
{
    [Fact]
    public async Task AFollowUpInABotThreadMentioningOnlySomeoneElseIsNotAnsweredBeforeTheBotKnowsItsId()
    {
        await using var lark = await ChatOpsApp.StartLarkAsync();
        var (app, botInfoRequests) = await StartWithoutBotIdAsync(lark);
        await using var disposeApp = app;
        var toColleague = LarkEvent.Text("@_user_1 can you check the deploy?").Mentioning("ou_test_colleague", "Colleague")
            .InThread("om_bot_thread_root", "omt_bot_thread");
        await MarkBotThreadAsync(app, "om_bot_thread_root");

        using var response = await app.SendLarkAsync(toColleague.Build());
        await app.WhenIdleAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(app.Lark.RepliesTo(toColleague.MessageId));
        Assert.True(app.Lark.BotInfoRequests > botInfoRequests, "the worker did not look up the bot's id");
    }

    [Fact]
    public async Task AFollowUpInABotThreadMentioningTheBotIsAnsweredBeforeTheBotKnowsItsId()
    {
        await using var lark = await ChatOpsApp.StartLarkAsync();
        var (app, _) = await StartWithoutBotIdAsync(lark);
        await using var disposeApp = app;
        var toBot = LarkEvent.Text("@_user_1 and in uat?").MentioningBot().InThread("om_bot_thread_root", "omt_bot_thread");
        await MarkBotThreadAsync(app, "om_bot_thread_root");

        using var response = await app.SendLarkAsync(toBot.Build());
        await app.WhenIdleAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(app.Lark.RepliesTo(toBot.MessageId));
    }

    // The start-up warm-up fails (bot info down), then Lark answers again: only a worker-side lookup learns the id.
    private static async Task<(ChatOpsApp App, int BotInfoRequests)> StartWithoutBotIdAsync(FakeLarkOpenApi lark)
    {
        lark.BotInfoDown = true;
        var app = await ChatOpsApp.StartAsync(lark: lark);
        for (var i = 0; i < 3000 && !app.Logs.Lines.Any(line => line.Contains("Could not learn the bot identity", StringComparison.Ordinal)); i++)
        {
            await Task.Delay(10);
        }
        lark.BotInfoDown = false;
        return (app, lark.BotInfoRequests);
    }

    private static Task MarkBotThreadAsync(ChatOpsApp app, string rootId) =>
        app.Services.GetRequiredService<IStateStore>().MarkThreadActiveAsync(
            $"lark:{LarkEvent.DefaultAppId}:{LarkEvent.DefaultChatId}:{rootId}", TimeSpan.FromDays(7), CancellationToken.None);
}
