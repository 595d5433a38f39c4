using ChatOps.LarkBotAdapter.Channels.Slack;
using ChatOps.LarkBotAdapter.Channels.Slack.Live;
using ChatOps.LarkBotAdapter.Conversations;
using ChatOps.LarkBotAdapter.Conversations.Live;
using ChatOps.LarkBotAdapter.Feedback;
using ChatOps.TestKit.Slack;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.LarkBotAdapter.Tests.Channels.Slack.Live;

/// <summary>One streamed Slack answer driven frame by frame: what an append-only stream does with frames that are no
/// extension of what it showed, with a stream Slack ended, and with Slack refusing to stream.</summary>
public sealed class SlackLiveReplyTests
{
    private static readonly SlackStreamLimits Fast = new() { AppendSpacing = TimeSpan.FromMilliseconds(1), UpdateSpacing = TimeSpan.FromMilliseconds(1) };

    private static ChatTurn Turn(string ts = "1700000700.000100") =>
        new("slack", FakeSlackWebApi.DefaultTeamId, SlackEvent.DefaultChannel, "group", ts, null, null, SlackEvent.DefaultUser, "text", "how?", []);

    private static async Task<(SlackApp App, SlackLiveStreams Streams)> StartAsync()
    {
        var app = await SlackApp.StartAsync(s => s.AddSingleton(Fast));
        app.Slack.StreamingAvailable = true;
        return (app, app.Services.GetRequiredService<SlackLiveStreams>());
    }

    [Fact]
    public async Task FramesAppendOnlyWhatTheyAdd()
    {
        var (app, streams) = await StartAsync();
        await using var _ = app;
        var reply = await streams.StartAsync(Turn(), new Ledger(), new LiveFrame("Restart", null), CancellationToken.None);

        await reply!.UpdateAsync(new LiveFrame("Restart checkout-api", null), CancellationToken.None);
        await reply.CompleteAsync(new LiveFrame("Restart checkout-api with a rolling deploy.", "Done in 2 s"), CancellationToken.None);

        var stream = Assert.Single(app.Slack.Streams);
        Assert.Equal("Restart checkout-api with a rolling deploy.", stream.Text);
        Assert.Equal(0, stream.Updates);
        Assert.Equal(1, stream.Stops);
        Assert.Equal("Done in 2 s", stream.Footer);
        Assert.Null(stream.FeedbackButtons);
    }

    [Fact]
    public async Task FrameThatRewritesStreamedTextStopsTheStreamAndEditsTheMessage()
    {
        var (app, streams) = await StartAsync();
        await using var _ = app;
        var ledger = new Ledger();
        var reply = await streams.StartAsync(Turn(), ledger, new LiveFrame("token: abc123", null), CancellationToken.None);

        // The scrubber masked text already shown: a stream cannot take it back.
        var feedback = new AnswerFeedback("slack:T0TEST:C0TESTOPS:1700000700.000100", "knowledge_base", "m", "rules", 10);
        await reply!.CompleteAsync(new LiveFrame("token: [redacted] and more", "Done in 1 s", feedback), CancellationToken.None);

        var stream = Assert.Single(app.Slack.Streams);
        Assert.Equal("token: [redacted] and more", stream.Text);
        Assert.False(stream.Streaming);
        Assert.True(stream.Updates >= 1);
        Assert.Equal("Done in 1 s", stream.Footer);
        Assert.NotNull(stream.FeedbackButtons);
        Assert.Equal(stream.Ts, Assert.Single(ledger.Recorded).Value);
    }

    [Fact]
    public async Task StreamEndedBySlackIsFinishedByEditingTheSameMessage()
    {
        var (app, streams) = await StartAsync();
        await using var _ = app;
        var reply = await streams.StartAsync(Turn(), new Ledger(), new LiveFrame("First part.", null), CancellationToken.None);

        app.Slack.EndOpenStreams();
        await reply!.CompleteAsync(new LiveFrame("First part. Second part.", "Done in 400 s"), CancellationToken.None);

        var stream = Assert.Single(app.Slack.Streams);
        Assert.Equal("First part. Second part.", stream.Text);
        Assert.Equal("Done in 400 s", stream.Footer);
        Assert.Contains(app.App.Logs.Lines, l => l.Contains("ended the stream", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TransientRefusalDeclinesOnlyThisAnswer()
    {
        var (app, streams) = await StartAsync();
        await using var _ = app;
        app.Slack.FailNextStreamCalls(SlackFault.InternalError);

        Assert.Null(await streams.StartAsync(Turn(), new Ledger(), new LiveFrame("hi", null), CancellationToken.None));
        Assert.NotNull(await streams.StartAsync(Turn("1700000700.000200"), new Ledger(), new LiveFrame("hi", null), CancellationToken.None));
        Assert.False(streams.IsUnavailable(FakeSlackWebApi.DefaultTeamId));
    }

    [Fact]
    public async Task ChannelTheBotCannotPostInEndsTheAnswer()
    {
        var (app, streams) = await StartAsync();
        await using var _ = app;
        app.Slack.RefuseChannel(SlackEvent.DefaultChannel, SlackFault.NotInChannel);

        var failure = await Assert.ThrowsAsync<ReplyFailedException>(() => streams.StartAsync(Turn(), new Ledger(), new LiveFrame("hi", null), CancellationToken.None));
        Assert.True(failure.TargetGone);
        Assert.Empty(app.Slack.Streams);
    }

    [Fact]
    public async Task RecordedMessageThatCannotBeReachedFailsTheJobInsteadOfFallingBack()
    {
        var (app, streams) = await StartAsync();
        await using var _ = app;
        var first = await streams.StartAsync(Turn(), new Ledger(), new LiveFrame("alpha bravo", null), CancellationToken.None);
        Assert.NotNull(first);
        var ts = Assert.Single(app.Slack.Streams).Ts;
        app.Slack.FailNextStreamCalls(SlackFault.InternalError);

        // A retry that cannot stop or edit its recorded message must not answer beside it with segments.
        var failure = await Assert.ThrowsAsync<ReplyFailedException>(
            () => streams.StartAsync(Turn(), new Ledger(new Dictionary<int, string> { [0] = ts }), new LiveFrame("The answer.", null), CancellationToken.None));
        Assert.True(failure.Transient);
        var retry = await streams.StartAsync(Turn(), new Ledger(new Dictionary<int, string> { [0] = ts }), new LiveFrame("The answer.", null), CancellationToken.None);
        await retry!.CompleteAsync(new LiveFrame("The answer.", "Done in 3 s"), CancellationToken.None);

        var stream = Assert.Single(app.Slack.Streams);
        Assert.Equal("The answer.", stream.Text);
        Assert.Equal(1, app.Slack.StartStreamAttempts);
    }

    private sealed class Ledger(IReadOnlyDictionary<int, string>? earlier = null) : ILiveReplyLedger
    {
        public Dictionary<int, string> Recorded { get; } = [];

        public IReadOnlyDictionary<int, string> Earlier { get; } = earlier ?? new Dictionary<int, string>();

        public Task RecordAsync(int part, string reference, CancellationToken cancellationToken)
        {
            Recorded[part] = reference;
            return Task.CompletedTask;
        }
    }
}
