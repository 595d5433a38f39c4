using ChatOps.LarkBotAdapter.State;
using ChatOps.LarkBotAdapter.Tests.AppHost;
using ChatOps.LarkBotAdapter.Tests.Ops;
using ChatOps.TestKit.Lark;
using ChatOps.TestKit.QCli;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.LarkBotAdapter.Tests.Worker;

/// <summary>Two turns of one thread answered at the same time: the one that saves its context second does not erase
/// the first one's exchange (the save is conditional on the version it read, and merges on conflict).</summary>
public sealed class ConcurrentTurnsTests
{
    [Fact]
    public async Task TwoTurnsOfOneThreadAnsweredAtOnceBothStayInItsContext()
    {
        await using var proxy = await FakeQCliProxy.StartAsync();
        await using var app = await ChatOpsApp.StartAsync(
            settings =>
            {
                foreach (var (key, value) in OpsTesting.Settings(proxy.BaseAddress))
                {
                    settings[key] = value;
                }
                settings["CHATOPS_LIVE_REPLIES"] = "false";
            },
            lark: await ChatOpsApp.StartLarkAsync());
        await using var _ = app.Lark;
        var first = LarkEvent.Text("@_user_1 are the prod EC2 instances in us-east-1a failing status checks?").MentioningBot();
        var second = LarkEvent.Text("@_user_1 and are the prod EC2 instances in us-east-1b failing status checks?").MentioningBot().InThread(first.MessageId);
        var firstDone = new TaskCompletionSource();
        var secondDone = new TaskCompletionSource();
        proxy.Enqueue(
            FakeQCliReply.Chunks("1a: three fail. ").WaitFor(firstDone.Task).Done(),
            FakeQCliReply.Chunks("1b: all pass. ").WaitFor(secondDone.Task).Done());
        (await app.SendLarkAsync(first.Build())).Dispose();
        await proxy.WaitForRequestsAsync(1).WaitAsync(TimeSpan.FromSeconds(30));
        (await app.SendLarkAsync(second.Build())).Dispose();
        await proxy.WaitForRequestsAsync(2).WaitAsync(TimeSpan.FromSeconds(30));

        // Both read the empty thread; the first saves, then the second.
        firstDone.SetResult();
        var state = app.Services.GetRequiredService<IStateStore>();
        var threadKey = $"lark:{LarkEvent.DefaultAppId}:{LarkEvent.DefaultChatId}:{first.MessageId}";
        using (var cap = new CancellationTokenSource(TimeSpan.FromSeconds(30)))
        {
            while ((await state.GetThreadAsync(threadKey, CancellationToken.None))?.Turns.Count is null or 0)
            {
                await Task.Delay(10, cap.Token);
            }
        }
        secondDone.SetResult();
        await app.WhenIdleAsync();
        var turns = (await state.GetThreadAsync(threadKey, CancellationToken.None))!.Turns.Select(t => t.Text).ToArray();

        Assert.Equal(4, turns.Length);
        Assert.Contains(turns, t => t.Contains("us-east-1a failing", StringComparison.Ordinal));
        Assert.Contains(turns, t => t.Contains("1a: three fail.", StringComparison.Ordinal));
        Assert.Contains(turns, t => t.Contains("us-east-1b failing", StringComparison.Ordinal));
        Assert.Contains(turns, t => t.Contains("1b: all pass.", StringComparison.Ordinal));
    }
}
