using ChatOps.LarkBotAdapter.Channels.Slack;
using ChatOps.LarkBotAdapter.Channels.Slack.Api;
using Microsoft.Extensions.Time.Testing;

namespace ChatOps.LarkBotAdapter.Tests.Channels.Slack.Api;

public sealed class SlackPacerTests
{
    private readonly FakeTimeProvider _time = new();

    private SlackPacer Pacer() => new(SlackOptionsTests.Load([]), _time);

    [Fact]
    public async Task MessagesInOneChannelAreSpacedOneSecondApart()
    {
        var pacer = Pacer();
        var first = pacer.WaitAsync("C0OPS", CancellationToken.None);
        var second = pacer.WaitAsync("C0OPS", CancellationToken.None);
        var third = pacer.WaitAsync("C0OPS", CancellationToken.None);
        var otherChannel = pacer.WaitAsync("C0OTHER", CancellationToken.None);

        Assert.True(first.IsCompletedSuccessfully);
        Assert.True(otherChannel.IsCompletedSuccessfully);
        Assert.False(second.IsCompleted);
        _time.Advance(TimeSpan.FromMilliseconds(999));
        Assert.False(second.IsCompleted);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        await second.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.False(third.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(1));
        await third.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void QuietChannelPostsAtOnce()
    {
        var pacer = Pacer();
        Assert.True(pacer.WaitAsync("C0OPS", CancellationToken.None).IsCompletedSuccessfully);
        _time.Advance(TimeSpan.FromSeconds(5));
        Assert.True(pacer.WaitAsync("C0OPS", CancellationToken.None).IsCompletedSuccessfully);
    }
}
