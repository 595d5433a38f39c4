using ChatOps.LarkBotAdapter.Conversations.Live;
using Microsoft.Extensions.Time.Testing;

namespace ChatOps.LarkBotAdapter.Tests.Conversations.Live;

public sealed class WindowPacerTests
{
    [Fact]
    public void BurstUpToTheCountStartsAtOnce()
    {
        var time = new FakeTimeProvider();
        var pacer = new WindowPacer(3, TimeSpan.FromSeconds(1), time);
        var calls = Enumerable.Range(0, 3).Select(_ => pacer.WaitAsync(CancellationToken.None)).ToList();
        Assert.All(calls, c => Assert.True(c.IsCompletedSuccessfully));
    }

    [Fact]
    public async Task CallBeyondTheCountWaitsUntilTheFirstLeavesTheWindow()
    {
        var time = new FakeTimeProvider();
        var pacer = new WindowPacer(3, TimeSpan.FromSeconds(1), time);
        for (var i = 0; i < 3; i++)
        {
            _ = pacer.WaitAsync(CancellationToken.None);
            time.Advance(TimeSpan.FromMilliseconds(100));
        }
        var fourth = pacer.WaitAsync(CancellationToken.None);
        var fifth = pacer.WaitAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromMilliseconds(699));
        Assert.False(fourth.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(1));
        await fourth.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.False(fifth.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(100));
        await fifth.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void NoWindowEverHoldsMoreThanTheCount()
    {
        var time = new FakeTimeProvider();
        var pacer = new WindowPacer(5, TimeSpan.FromSeconds(1), time);
        var calls = Enumerable.Range(0, 40).Select(_ => pacer.WaitAsync(CancellationToken.None)).ToList();
        var started = new List<DateTimeOffset>();
        for (var step = 0; step < 10_000 && started.Count < calls.Count; step++)
        {
            started.AddRange(calls.Skip(started.Count).TakeWhile(c => c.IsCompleted).Select(_ => time.GetUtcNow()));
            time.Advance(TimeSpan.FromMilliseconds(1));
        }
        Assert.Equal(calls.Count, started.Count);
        Assert.All(started, t => Assert.InRange(started.Count(s => s >= t && s - t < TimeSpan.FromSeconds(1)), 1, 5));
        Assert.Equal(TimeSpan.FromSeconds(7), started[^1] - started[0]);
    }
}
