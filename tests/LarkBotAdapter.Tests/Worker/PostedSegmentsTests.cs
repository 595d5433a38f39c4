using ChatOps.LarkBotAdapter.Conversations;
using ChatOps.LarkBotAdapter.Jobs;
using ChatOps.LarkBotAdapter.Replies;
using ChatOps.LarkBotAdapter.Tests.AppHost;
using ChatOps.LarkBotAdapter.Worker;
using ChatOps.TestKit;
using Microsoft.Extensions.Logging.Abstractions;
using static ChatOps.LarkBotAdapter.Tests.Worker.ReplyTesting;

namespace ChatOps.LarkBotAdapter.Tests.Worker;

/// <summary>The worker's one record of posted reply positions: what a retried job skips, and what an outage costs.</summary>
public sealed class PostedSegmentsTests
{
    private static readonly WorkerOptions Options = new() { ReplyRetryDelay = TimeSpan.Zero };
    private readonly FlakyStateStore _store = new();
    private readonly RecordingChannel _channel = new();
    private readonly ChatTurn _turn = Turn();

    [Fact]
    public async Task RetriedJobWithPositionsZeroToTwoRecordedPostsFromThree()
    {
        for (var i = 0; i < 3; i++)
        {
            await _store.Inner.RecordPostedSegmentAsync(_turn.ClaimKey, i, $"om_earlier_{i}", TimeSpan.FromHours(1), CancellationToken.None);
        }
        var replies = await OpenAsync();

        foreach (var segment in Answer(5))
        {
            await replies.PostAsync(segment, CancellationToken.None);
        }

        Assert.Equal([3, 4], _channel.Sent.Select(s => s.Index));
        var recorded = await _store.Inner.GetPostedSegmentsAsync(_turn.ClaimKey, CancellationToken.None);
        Assert.Equal(["om_earlier_0", "om_earlier_1", "om_earlier_2", "om_3", "om_4"], recorded.OrderBy(r => r.Key).Select(r => r.Value));
        Assert.Equal(5, replies.Posted);
    }

    [Fact]
    public async Task StateOutageWhileLoadingStillAnswersAndRecordsEachPost()
    {
        await _store.Inner.RecordPostedSegmentAsync(_turn.ClaimKey, 0, "om_earlier_0", TimeSpan.FromHours(1), CancellationToken.None);
        _store.FailPostedReads = true;
        var logs = new LogCapture();
        var replies = await ReplyWriter.OpenAsync(_channel, _turn, _store, Options, TimeProvider.System, logs.CreateLogger("worker"), CancellationToken.None);

        foreach (var segment in Answer(2))
        {
            await replies.PostAsync(segment, CancellationToken.None);
        }

        // Without the record the whole answer goes out again (Lark's uuid collapses a repeat within its hour).
        Assert.Equal([0, 1], _channel.Sent.Select(s => s.Index));
        var recorded = await _store.Inner.GetPostedSegmentsAsync(_turn.ClaimKey, CancellationToken.None);
        Assert.Equal(["om_0", "om_1"], recorded.OrderBy(r => r.Key).Select(r => r.Value));
        Assert.Contains(logs.Lines, l => l.Contains("posted-segment record unavailable", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PostThatCannotBeRecordedIsStillNotRepeatedInTheSameRun()
    {
        _store.FailPostedWrites = true;
        var posted = await PostedSegments.LoadAsync(_store, _turn.ClaimKey, TimeSpan.FromHours(1), NullLogger.Instance, CancellationToken.None);

        await posted.RecordAsync(PostReceipt.Of(0, "om_0"), CancellationToken.None);

        Assert.True(posted.Contains(0));
        Assert.Empty(await _store.Inner.GetPostedSegmentsAsync(_turn.ClaimKey, CancellationToken.None));
    }

    [Fact]
    public async Task ErrorReplyOfARetryIsPostedThoughAnEarlierRunPostedFurther()
    {
        for (var i = 0; i < 6; i++)
        {
            await _store.Inner.RecordPostedSegmentAsync(_turn.ClaimKey, i, $"om_earlier_{i}", TimeSpan.FromHours(1), CancellationToken.None);
        }
        var replies = await OpenAsync();

        await replies.PostAsync(Answer(1)[0] with { IsFinal = false }, CancellationToken.None);
        await replies.PostErrorAsync("⚠️ I couldn't answer this", CancellationToken.None);

        var error = Assert.Single(_channel.Sent);
        Assert.Equal(ReplyWriter.ErrorIndex, error.Index);
    }

    [Fact]
    public async Task PackHeldByTheChannelIsRecordedOnlyWhenItGoesOut()
    {
        var posted = await PostedSegments.LoadAsync(_store, _turn.ClaimKey, TimeSpan.FromHours(1), NullLogger.Instance, CancellationToken.None);

        await posted.RecordAsync(PostReceipt.Held, CancellationToken.None);
        Assert.Empty(await _store.Inner.GetPostedSegmentsAsync(_turn.ClaimKey, CancellationToken.None));
        await posted.RecordAsync(new PostReceipt([0, 1], "response_url#1"), CancellationToken.None);

        var recorded = await _store.Inner.GetPostedSegmentsAsync(_turn.ClaimKey, CancellationToken.None);
        Assert.Equal([0, 1], recorded.Keys.Order());
        Assert.All(recorded.Values, v => Assert.Equal("response_url#1", v));
    }

    [Fact]
    public async Task ThreadTheChannelStartedIsRecordedAtItsPositionAndMarkedActive()
    {
        var channel = new RecordingChannel { ThreadStarter = PostReceipt.Of(-1, "1700000900.000100") };

        var retried = new RecordingChannel();

        var replies = await ReplyWriter.OpenAsync(channel, _turn, _store, Options, TimeProvider.System, NullLogger.Instance, CancellationToken.None);
        await ReplyWriter.OpenAsync(retried, _turn, _store, Options, TimeProvider.System, NullLogger.Instance, CancellationToken.None);

        Assert.Equal("1700000900.000100", replies.Turn.RootId);
        Assert.True(await _store.Inner.IsThreadActiveAsync(replies.Turn.ThreadKey, CancellationToken.None));
        // A retry's channel is told the parent exists, so it threads under it instead of asking again.
        Assert.Equal("1700000900.000100", retried.PreparedWith![-1]);
    }

    private Task<ReplyWriter> OpenAsync() =>
        ReplyWriter.OpenAsync(_channel, _turn, _store, Options, TimeProvider.System, NullLogger.Instance, CancellationToken.None);

    private static Segment[] Answer(int count) =>
        [.. Enumerable.Range(0, count).Select(i => new Segment(i, $"part {i} of the answer", IsFinal: i == count - 1))];
}
