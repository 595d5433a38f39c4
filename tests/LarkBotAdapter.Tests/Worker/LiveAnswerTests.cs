using ChatOps.LarkBotAdapter.Conversations;
using ChatOps.LarkBotAdapter.Conversations.Live;
using ChatOps.LarkBotAdapter.Worker;
using ChatOps.TestKit.Time;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatOps.LarkBotAdapter.Tests.Worker;

public sealed class LiveAnswerTests
{
    private static readonly ChatTurn Turn = new("lark", "cli_test", "oc_chat", "group", "om_1", null, null, "ou_user", "text", "how?", []);

    [Fact]
    public async Task FramesTheTickerOffersAreNotCancelledWhenTheAnswerCompletes()
    {
        var time = new TimerAwareTimeProvider();
        var reply = new RecordingReply();
        var answer = new LiveAnswer(new Channel(reply), Turn, new Ledger(), time, NullLogger.Instance);
        answer.SetStatus(elapsed => $"Working… {elapsed.TotalSeconds:F0} s");
        var more = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var shown = answer.ShowAsync(Source(more.Task), CancellationToken.None);
        await reply.Started.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await time.WaitForActiveTimerAsync().WaitAsync(TimeSpan.FromSeconds(10));
        // The status line's seconds change, so the ticker offers a frame (its send may still be pending at the end).
        time.Advance(TimeSpan.FromSeconds(1));
        await reply.Updated.Task.WaitAsync(TimeSpan.FromSeconds(10));
        more.SetResult();
        Assert.Null(await shown);
        await answer.CompleteAsync("Done in 1 s", null, CancellationToken.None);
        Assert.Equal("first part, second part", reply.Final?.Markdown);
        Assert.All(reply.UpdateTokens, token => Assert.False(token.IsCancellationRequested, "an offered frame's send was cancelled"));
    }

    private static async IAsyncEnumerable<string> Source(Task more)
    {
        yield return "first part";
        await more;
        yield return ", second part";
    }

    private sealed class Channel(RecordingReply reply) : ILiveReplyChannel
    {
        public Task<ILiveReply?> StartAsync(ChatTurn turn, ILiveReplyLedger ledger, LiveFrame first, CancellationToken cancellationToken)
        {
            reply.Started.TrySetResult();
            return Task.FromResult<ILiveReply?>(reply);
        }
    }

    private sealed class RecordingReply : ILiveReply
    {
        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Updated { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public List<CancellationToken> UpdateTokens { get; } = [];

        public LiveFrame? Final { get; private set; }

        public Task UpdateAsync(LiveFrame frame, CancellationToken cancellationToken)
        {
            lock (UpdateTokens)
            {
                UpdateTokens.Add(cancellationToken);
            }
            Updated.TrySetResult();
            return Task.CompletedTask;
        }

        public Task CompleteAsync(LiveFrame final, CancellationToken cancellationToken)
        {
            Final = final;
            return Task.CompletedTask;
        }
    }

    private sealed class Ledger : ILiveReplyLedger
    {
        public IReadOnlyDictionary<int, string> Earlier { get; } = new Dictionary<int, string>();

        public Task RecordAsync(int part, string reference, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
