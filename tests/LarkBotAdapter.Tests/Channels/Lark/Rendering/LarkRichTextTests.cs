using System.Text.Json.Nodes;
using ChatOps.IntentRecognition;
using ChatOps.LarkBotAdapter.Routing;
using ChatOps.LarkBotAdapter.Tests.AppHost;
using ChatOps.TestKit.Lark;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.LarkBotAdapter.Tests.Channels.Lark.Rendering;

public sealed class LarkRichTextTests
{
    [Fact]
    public async Task PostMessageReachesTheRouteAsPlainTextWithoutMentions()
    {
        var responder = new ScriptedResponder(Intent.KnowledgeBase, "Restart it with the runbook's step 3.");
        await using var app = await ChatOpsApp.StartAsync(services: s => s.AddSingleton<IResponder>(responder));
        JsonObject[] line = [LarkPost.At("@_user_1", "ChatOps Bot"), LarkPost.Text(" according to the runbook, how do I restart checkout-api?")];
        var message = LarkEvent.Post("Runbook question", line).MentioningBot();
        (await app.SendLarkAsync(message.Build())).Dispose();
        await app.WhenIdleAsync();

        var request = Assert.Single(responder.Requests);
        Assert.DoesNotContain("@_user_1", request.Turn.Text, StringComparison.Ordinal);
        Assert.Contains("Runbook question", request.Turn.Text, StringComparison.Ordinal);
        Assert.Contains("how do I restart checkout-api?", request.Turn.Text, StringComparison.Ordinal);
        Assert.Single(app.Lark.RepliesTo(message.MessageId));
    }
}
