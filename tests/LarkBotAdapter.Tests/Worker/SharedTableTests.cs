using System.Net;
using ChatOps.LarkBotAdapter.Tests.AppHost;
using ChatOps.TestKit.Dynamo;
using ChatOps.TestKit.Lark;

namespace ChatOps.LarkBotAdapter.Tests.Worker;

/// <summary>Several instances of the app (Lambda concurrency, or EC2 behind a load balancer) share one DynamoDB table.</summary>
[Collection(DynaliteFixture.Collection)]
public sealed class SharedTableTests(DynaliteFixture dynalite)
{
    [DynaliteFact]
    public async Task TwoInstancesReceivingTheSameMessagePostOneAnswer()
    {
        await using var lark = await ChatOpsApp.StartLarkAsync();
        var (one, two) = await StartTwoInstancesAsync(lark);
        await using var disposeOne = one;
        await using var disposeTwo = two;

        var message = LarkEvent.Text("@_user_1 tell me a joke").MentioningBot().Build();
        var acks = await Task.WhenAll(
            one.SendLarkAsync(message), two.SendLarkAsync(message), one.SendLarkAsync(message), two.SendLarkAsync(message));
        Assert.All(acks, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        await Task.WhenAll(one.WhenIdleAsync(), two.WhenIdleAsync());
        Assert.Single(lark.Replies);
    }

    [DynaliteFact]
    public async Task FollowUpReachingTheOtherInstanceKeepsTheThread()
    {
        await using var lark = await ChatOpsApp.StartLarkAsync();
        var (one, two) = await StartTwoInstancesAsync(lark);
        await using var disposeOne = one;
        await using var disposeTwo = two;

        var first = LarkEvent.Text("@_user_1 tell me a joke").MentioningBot();
        (await one.SendLarkAsync(first.Build())).Dispose();
        await one.WhenIdleAsync();
        var followUp = LarkEvent.Text("another one").InThread(first.MessageId, "omt_2");
        (await two.SendLarkAsync(followUp.Build())).Dispose();
        await two.WhenIdleAsync();
        Assert.Single(lark.RepliesTo(followUp.MessageId));
    }

    private async Task<(ChatOpsApp One, ChatOpsApp Two)> StartTwoInstancesAsync(ChatOps.TestKit.Lark.FakeLarkOpenApi lark)
    {
        var table = await dynalite.CreateTableAsync("shared");
        void Settings(Dictionary<string, string?> s)
        {
            s["CHATOPS_STATE_TABLE"] = table;
            s["AWS_ENDPOINT_URL_DYNAMODB"] = dynalite.Server.Endpoint.ToString();
        }
        return (await ChatOpsApp.StartAsync(Settings, lark: lark), await ChatOpsApp.StartAsync(Settings, lark: lark));
    }
}
