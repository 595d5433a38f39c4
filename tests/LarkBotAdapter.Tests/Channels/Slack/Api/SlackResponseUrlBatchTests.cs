using ChatOps.LarkBotAdapter.Channels.Slack.Api;
using ChatOps.LarkBotAdapter.Channels.Slack.Rendering;
using ChatOps.LarkBotAdapter.Channels.Slack;

namespace ChatOps.LarkBotAdapter.Tests.Channels.Slack.Api;

public sealed class SlackResponseUrlBatchTests
{
    private static readonly string Big = new('b', SlackResponseUrlBatch.PackChars);

    [Fact]
    public void SegmentsHeldForAPackThatFailedAreSentWithItsRetry()
    {
        var batch = new SlackResponseUrlBatch("Q", usesMade: 0);
        Assert.Empty(batch.Add(0, "held", isFinal: false));
        var first = Assert.Single(batch.Add(1, Big, isFinal: false));

        // The send failed (not Sent): the worker retries segment 1, and the pack still carries segment 0.
        var retried = Assert.Single(batch.Add(1, Big, isFinal: false));

        Assert.Equal((first.Text, first.Consumed), (retried.Text, retried.Consumed));
        Assert.Equal("Q\n\nheld\n\n" + Big, retried.Text);
        Assert.Equal([0, 1], retried.Indices);
        Assert.Equal(0, batch.UsesMade);
        batch.Sent(retried);
        Assert.Equal(1, batch.UsesMade);
        Assert.Empty(batch.Add(2, "next", isFinal: false));
    }

    [Fact]
    public void AFinalPackTooLongForOneMessageResumesAfterThePartsAlreadySent()
    {
        var batch = new SlackResponseUrlBatch("Q", usesMade: 0);
        var answer = new string('x', SlackMrkdwn.MaxTextChars) + new string('y', 10);
        var parts = batch.Add(0, answer, isFinal: true);
        Assert.Equal(2, parts.Count);
        batch.Sent(parts[0]);

        // The second part failed: only it is offered again, and it names the segment.
        var rest = Assert.Single(batch.Add(0, answer, isFinal: true));

        Assert.Equal((parts[1].Text, parts[1].Consumed), (rest.Text, rest.Consumed));
        Assert.EndsWith(new string('y', 10), rest.Text, StringComparison.Ordinal);
        Assert.Equal([0], rest.Indices);
        batch.Sent(rest);
        Assert.Equal(2, batch.UsesMade);
    }

    [Fact]
    public void TheLastUseTakesEverythingLeft()
    {
        var batch = new SlackResponseUrlBatch("Q", usesMade: SlackResponseUrlBatch.MaxUses - 1);
        Assert.Empty(batch.Add(0, Big, isFinal: false));
        var last = Assert.Single(batch.Add(1, "end", isFinal: true));
        Assert.Equal([0, 1], last.Indices);
        batch.Sent(last);
        Assert.Empty(batch.Add(2, "more", isFinal: true));
    }
}
