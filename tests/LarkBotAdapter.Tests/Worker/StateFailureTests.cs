using System.Net;
using ChatOps.LarkBotAdapter.State;
using ChatOps.LarkBotAdapter.Tests.AppHost;
using ChatOps.TestKit.Lark;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.LarkBotAdapter.Tests.Worker;

/// <summary>The state store failing: no answer is better than two, and nothing is lost.</summary>
public sealed class StateFailureTests
{
    private readonly FlakyStateStore _state = new(TimeProvider.System);

    private Task<ChatOpsApp> StartAsync() => ChatOpsApp.StartAsync(services: s => s.AddSingleton<IStateStore>(_state));

    [Fact]
    public async Task ClaimStoreDownAnswers503SoLarkRedeliversAndTheRedeliveryIsAnsweredOnce()
    {
        await using var app = await StartAsync();
        var message = LarkEvent.Text("@_user_1 tell me a joke").MentioningBot().Build();
        _state.FailClaims = true;
        using (var first = await app.SendLarkAsync(message))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, first.StatusCode);
        }
        await app.WhenIdleAsync();
        // Only the notice that the answer comes on redelivery (see Faults/StateStoreFaultTests).
        Assert.Contains("state store is unavailable", Assert.Single(app.Lark.Replies).Text, StringComparison.Ordinal);

        _state.FailClaims = false;
        (await app.SendLarkAsync(message)).Dispose();
        (await app.SendLarkAsync(message)).Dispose();
        await app.WhenIdleAsync();
        Assert.Equal(2, app.Lark.Replies.Count);
    }

    [Fact]
    public async Task ThreadContextUnreadableStillGetsAnAnswer()
    {
        await using var app = await StartAsync();
        _state.FailThreadReads = true;
        var message = LarkEvent.Text("@_user_1 tell me a joke").MentioningBot();
        (await app.SendLarkAsync(message.Build())).Dispose();
        await app.WhenIdleAsync();
        Assert.Single(app.Lark.RepliesTo(message.MessageId));
    }
}
