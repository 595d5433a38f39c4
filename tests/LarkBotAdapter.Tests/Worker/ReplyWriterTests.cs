using ChatOps.LarkBotAdapter.Jobs;
using ChatOps.LarkBotAdapter.Replies;
using ChatOps.LarkBotAdapter.Tests.AppHost;
using ChatOps.LarkBotAdapter.Tests.Replies;
using ChatOps.LarkBotAdapter.Worker;
using Microsoft.Extensions.Logging.Abstractions;
using static ChatOps.LarkBotAdapter.Tests.Worker.ReplyTesting;

namespace ChatOps.LarkBotAdapter.Tests.Worker;

/// <summary>Segments are numbered once, by the Segmenter; the writer posts them at that position.</summary>
public sealed class ReplyWriterTests
{
    private static readonly WorkerOptions Options = new() { ReplyRetryDelay = TimeSpan.Zero };
    private readonly FlakyStateStore _store = new();
    private readonly RecordingChannel _channel = new();

    [Fact]
    public async Task SegmentIndexReachesTheChannelUnchanged()
    {
        var replies = await OpenAsync();

        await replies.PostAsync(new Segment(7, "the eighth part", IsFinal: false), CancellationToken.None);

        Assert.Equal(7, Assert.Single(_channel.Sent).Index);
        Assert.Equal(8, replies.Posted);
    }

    [Fact]
    public async Task SegmenterPositionsAreThePostedPositions()
    {
        var replies = await OpenAsync();
        var text = string.Join("\n\n", Enumerable.Range(0, 40).Select(i => $"Paragraph {i} explains one more step of restarting checkout-api safely."));
        var segments = await new Segmenter(new SegmenterOptions { MinChars = 100, MaxChars = 400 }, TimeProvider.System).SegmentAsync(Chunks.Of(text), CancellationToken.None).CollectAsync();

        foreach (var segment in segments)
        {
            await replies.PostAsync(segment, CancellationToken.None);
        }

        Assert.True(segments.Count > 3, $"expected several segments, got {segments.Count}");
        Assert.Equal(segments, _channel.Sent);
    }

    [Fact]
    public async Task ReplacementOfARefusedSegmentTakesItsPosition()
    {
        var replies = await OpenAsync();
        await replies.PostAsync(new Segment(0, "first part", IsFinal: false), CancellationToken.None);

        await replies.PostFinalAsync("The rest of this answer was withheld.", CancellationToken.None);

        Assert.Equal(new Segment(1, "The rest of this answer was withheld.", IsFinal: true), _channel.Sent[^1]);
    }

    private Task<ReplyWriter> OpenAsync() =>
        ReplyWriter.OpenAsync(_channel, Turn(), _store, Options, TimeProvider.System, NullLogger.Instance, CancellationToken.None);
}
