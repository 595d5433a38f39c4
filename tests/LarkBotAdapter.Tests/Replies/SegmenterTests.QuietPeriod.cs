using System.Runtime.CompilerServices;
using System.Threading.Channels;
using ChatOps.LarkBotAdapter.Replies;
using ChatOps.TestKit.Time;

namespace ChatOps.LarkBotAdapter.Tests.Replies;

public sealed partial class SegmenterTests
{
    private static readonly TimeSpan Quiet = Defaults.QuietPeriod;

    [Fact]
    public async Task QuietPeriodFlushesPendingTextBeforeTheStreamEnds()
    {
        var (time, source, segments) = StartQuietScenario("Looking at the payments cluster.\n", "Found 3 nodes.\n");
        var next = segments.MoveNextAsync();
        await time.WaitForActiveTimerAsync();

        time.Advance(Quiet - TimeSpan.FromMilliseconds(1));
        Assert.False(next.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(1));

        Assert.True(await next);
        Assert.Equal(new Segment(0, "Looking at the payments cluster.", false), segments.Current);
        source.Writer.Complete();
        Assert.True(await segments.MoveNextAsync());
        Assert.Equal(new Segment(1, "Found 3 nodes.", true), segments.Current);
        Assert.False(await segments.MoveNextAsync());
        await segments.DisposeAsync();
    }

    [Fact]
    public async Task QuietPeriodKeepsAPartialWordPending()
    {
        var (time, source, segments) = StartQuietScenario("Checking regions us-east-1 and us-we");
        var next = segments.MoveNextAsync();
        await time.WaitForActiveTimerAsync();

        time.Advance(Quiet);

        Assert.True(await next);
        Assert.Equal(new Segment(0, "Checking regions us-east-1 and", false), segments.Current);
        source.Writer.TryWrite("st-2.");
        source.Writer.Complete();
        Assert.True(await segments.MoveNextAsync());
        Assert.Equal(new Segment(1, "us-west-2.", true), segments.Current);
        await segments.DisposeAsync();
    }

    [Fact]
    public async Task QuietPeriodInsideACodeBlockClosesAndReopensTheFence()
    {
        var (time, source, segments) = StartQuietScenario("Running:\n\n```bash\nkubectl get pods\n");
        var next = segments.MoveNextAsync();
        await time.WaitForActiveTimerAsync();

        time.Advance(Quiet);

        Assert.True(await next);
        Assert.Equal(new Segment(0, "Running:", false), segments.Current);
        source.Writer.TryWrite("NAME READY\napi-1 1/1\n```\n\nAll pods are ready.\n");
        source.Writer.Complete();
        var rest = await RestAsync(segments);
        Assert.Equal(
            [
                new Segment(1, "```bash\nkubectl get pods\n```", false),
                new Segment(2, "```bash\nNAME READY\napi-1 1/1\n```\n\nAll pods are ready.", true),
            ],
            rest);
    }

    [Fact]
    public async Task ReopenedFenceFollowedOnlyByItsCloserAddsNoEmptyBlock()
    {
        var (time, source, segments) = StartQuietScenario("```bash\nkubectl get pods\n");
        var next = segments.MoveNextAsync();
        await time.WaitForActiveTimerAsync();
        time.Advance(Quiet);
        source.Writer.TryWrite("``");
        source.Writer.TryWrite("`\n");
        source.Writer.Complete();

        Assert.True(await next);
        Assert.Equal(new Segment(0, "```bash\nkubectl get pods\n```", true), segments.Current);
        Assert.False(await segments.MoveNextAsync());
        await segments.DisposeAsync();
    }

    [Fact]
    public async Task OneLineHeldSegmentWaitsForMoreTextAfterAQuietPeriod()
    {
        var options = Defaults with { MinChars = 20 };
        var (time, source, segments) = StartQuietScenario(options, "A paragraph long enough to be cut.\n\n");
        var next = segments.MoveNextAsync();
        await time.WaitForActiveTimerAsync();
        time.Advance(Quiet);
        await time.WaitForActiveTimerAsync();
        Assert.False(next.IsCompleted); // one sentence, one line: held back so a final segment can follow

        source.Writer.TryWrite("More.");
        source.Writer.Complete();

        Assert.Equal(
            [new Segment(0, "A paragraph long enough to be cut.", false), new Segment(1, "More.", true)],
            [.. await RestAsync(segments, next)]);
    }

    [Fact]
    public async Task ConsumerStoppingEarlyCancelsAndDisposesTheSource()
    {
        var time = new TimerAwareTimeProvider();
        var sourceEnded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var segments = new Segmenter(Defaults, time).SegmentAsync(Hanging(sourceEnded, "First.\nSecond.\n")).GetAsyncEnumerator();
        var next = segments.MoveNextAsync();
        await time.WaitForActiveTimerAsync();
        time.Advance(Quiet);
        Assert.True(await next);

        await segments.DisposeAsync();

        await sourceEnded.Task.WaitAsync(TimeSpan.FromSeconds(30)); // safety net only: completes at once when it works
    }

    private static async IAsyncEnumerable<string> Hanging(
        TaskCompletionSource ended, string first, [EnumeratorCancellation] CancellationToken ct = default)
    {
        try
        {
            yield return first;
            await Task.Delay(Timeout.Infinite, ct);
        }
        finally
        {
            ended.TrySetResult();
        }
    }

    private static (TimerAwareTimeProvider Time, Channel<string> Source, IAsyncEnumerator<Segment> Segments) StartQuietScenario(
        params string[] chunks) => StartQuietScenario(Defaults, chunks);

    private static (TimerAwareTimeProvider Time, Channel<string> Source, IAsyncEnumerator<Segment> Segments) StartQuietScenario(
        SegmenterOptions options, params string[] chunks)
    {
        var time = new TimerAwareTimeProvider();
        var source = Channel.CreateUnbounded<string>();
        foreach (var chunk in chunks)
        {
            source.Writer.TryWrite(chunk);
        }

        var segments = new Segmenter(options, time).SegmentAsync(source.Reader.ReadAllAsync()).GetAsyncEnumerator();
        return (time, source, segments);
    }

    private static async Task<List<Segment>> RestAsync(IAsyncEnumerator<Segment> segments, ValueTask<bool>? pending = null)
    {
        var rest = new List<Segment>();
        var more = pending ?? segments.MoveNextAsync();
        while (await more)
        {
            rest.Add(segments.Current);
            more = segments.MoveNextAsync();
        }

        await segments.DisposeAsync();
        return rest;
    }
}
