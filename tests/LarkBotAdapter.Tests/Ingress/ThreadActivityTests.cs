using ChatOps.LarkBotAdapter.Conversations;
using ChatOps.LarkBotAdapter.Ingress;
using ChatOps.LarkBotAdapter.Tests.AppHost;
using ChatOps.TestKit;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace ChatOps.LarkBotAdapter.Tests.Ingress;

public sealed class ThreadActivityTests
{
    private static readonly ChatTurn InThread = new(
        "slack", "T1", "C1", "group", "1700000000.000200", "1700000000.000100", "1700000000.000100", "U1", "text", "and in uat?", []);

    private readonly FlakyStateStore _state = new(new FakeTimeProvider());
    private readonly LogCapture _logs = new();

    private ThreadActivity Threads() => new(_state, LoggerFactory.Create(logging => logging.AddProvider(_logs)).CreateLogger<ThreadActivity>());

    [Fact]
    public async Task AThreadTheBotMarkedIsABotThread()
    {
        Assert.False(await Threads().IsBotThreadAsync(InThread, CancellationToken.None));
        await _state.MarkThreadActiveAsync(InThread.ThreadKey, TimeSpan.FromDays(7), CancellationToken.None);
        Assert.True(await Threads().IsBotThreadAsync(InThread, CancellationToken.None));
    }

    [Fact]
    public async Task AMessageOutsideAnyThreadIsNotLookedUp()
    {
        _state.FailThreadReads = true;
        Assert.False(await Threads().IsBotThreadAsync(InThread with { RootId = null, ThreadId = null }, CancellationToken.None));
        Assert.Empty(_logs.Lines);
    }

    [Fact]
    public async Task AStoreOutageCountsAsNotABotThreadAndIsLogged()
    {
        await _state.MarkThreadActiveAsync(InThread.ThreadKey, TimeSpan.FromDays(7), CancellationToken.None);
        _state.FailThreadReads = true;
        Assert.False(await Threads().IsBotThreadAsync(InThread, CancellationToken.None));
        Assert.Contains(_logs.Lines, line => line.Contains("thread lookup failed", StringComparison.Ordinal) && line.Contains(InThread.ClaimKey, StringComparison.Ordinal));
    }
}
