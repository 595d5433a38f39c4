using Amazon.DynamoDBv2.Model;
using ChatOps.IntentRecognition;
using ChatOps.LarkBotAdapter.State;

namespace ChatOps.LarkBotAdapter.Tests.State;

public sealed class ThreadItemCodecTests
{
    private static readonly DateTimeOffset Now = new(2025, 1, 15, 9, 30, 0, TimeSpan.Zero);

    [Fact]
    public void ChineseTextIsStoredUnescaped()
    {
        var item = new Dictionary<string, AttributeValue>();
        var thread = new ThreadContext("t", [new ConversationTurn(ConversationTurn.User, "集群状态")], new Dictionary<string, string>(), Now);

        ThreadItemCodec.Write(thread, item, ThreadItemCodec.DefaultMaxItemBytes);

        Assert.Contains("集群状态", item[ThreadItemCodec.TurnsAttribute].S, StringComparison.Ordinal);
    }

    [Fact]
    public void OldestTurnsAreDroppedUntilTheItemFits()
    {
        var item = new Dictionary<string, AttributeValue>();
        var turns = Enumerable.Range(0, 10).Select(i => new ConversationTurn(ConversationTurn.User, $"{i}" + new string('x', 900))).ToList();

        var dropped = ThreadItemCodec.Write(new ThreadContext("t", turns, new Dictionary<string, string>(), Now), item, 4000);
        var kept = ThreadItemCodec.Read("t", item).Turns;

        Assert.Equal(10 - kept.Count, dropped);
        Assert.InRange(kept.Count, 1, 4);
        Assert.Equal(turns.TakeLast(kept.Count), kept);
    }

    [Fact]
    public void ALoneOversizedTurnIsShortenedRatherThanLost()
    {
        var item = new Dictionary<string, AttributeValue>();
        var turn = new ConversationTurn(ConversationTurn.Assistant, new string('长', 10_000), Intent.KnowledgeBase);

        ThreadItemCodec.Write(new ThreadContext("t", [turn], new Dictionary<string, string>(), Now), item, 4000);
        var kept = Assert.Single(ThreadItemCodec.Read("t", item).Turns);

        Assert.InRange(kept.Text.Length, 1, 1400);
        Assert.StartsWith(kept.Text, turn.Text, StringComparison.Ordinal);
        Assert.Equal(Intent.KnowledgeBase, kept.Intent);
    }

    [Fact]
    public void AnUnknownIntentLabelKeepsTheTurnWithoutAnIntent()
    {
        var item = new Dictionary<string, AttributeValue>
        {
            [ThreadItemCodec.TurnsAttribute] = new() { S = """[{"role":"user","text":"hi","intent":"future_label"}]""" },
        };

        var turn = Assert.Single(ThreadItemCodec.Read("t", item).Turns);

        Assert.Equal(new ConversationTurn(ConversationTurn.User, "hi"), turn);
    }
}
