using ChatOps.OpsAgent.Output;
using ChatOps.QCliProxy.Output;

namespace ChatOps.QCliProxy.Tests.Output;

public sealed class TerminalTextFilterTests
{
    private const string Colourful = "\x1b[1;32m> \x1b[0mhello \x1b[38;5;208mworld\x1b[0m\n"
        + "\x1b[33m⠋\x1b[0m Thinking...\r\x1b[33m⠙\x1b[0m Thinking...\r\x1b[2Kanswer \x1b]8;;https://example.com\x1b\\link\x1b]8;;\x1b\\\r\n"
        + "\x1b(Bplain\x1b[?25l line\x1b]0;title\a\n";

    private const string Plain = "> hello world\nanswer link\nplain line\n";

    [Fact]
    public void EscapeSequencesAndSpinnerRedrawsAreRemoved()
    {
        Assert.Equal(Plain, Filter(Colourful));
    }

    [Fact]
    public void SequencesSplitAcrossReadsAreStillRemoved()
    {
        for (var cut = 0; cut <= Colourful.Length; cut++)
        {
            var filter = new TerminalTextFilter();
            filter.Append(Colourful.AsSpan(0, cut));
            var first = filter.TakeReleased();
            filter.Append(Colourful.AsSpan(cut));

            Assert.Equal(Plain, first + filter.Finish());
        }
    }

    [Fact]
    public void OneCharacterAtATimeGivesTheSameText()
    {
        var filter = new TerminalTextFilter();
        var text = "";
        foreach (var c in Colourful)
        {
            filter.Append([c]);
            text += filter.TakeReleased();
        }

        Assert.Equal(Plain, text + filter.Finish());
    }

    [Theory]
    [InlineData("abc\x1b[2Kdef\n", "def\n")]
    [InlineData("abc\x1b[1Kdef\n", "def\n")]
    [InlineData("abc\x1b[Gdef\n", "def\n")]
    [InlineData("abc\x1b[1Gdef\n", "def\n")]
    [InlineData("abc\x1b[Kdef\n", "abcdef\n")]
    [InlineData("abc\rdef\n", "def\n")]
    [InlineData("ab\bc\n", "ac\n")]
    [InlineData("a\ab\0c\x7f\td\n", "abc\td\n")]
    [InlineData("检查 checkout-api ✓ 🚀\n", "检查 checkout-api ✓ 🚀\n")]
    public void LineEditsAreApplied(string input, string expected)
    {
        Assert.Equal(expected, Filter(input));
    }

    [Fact]
    public void LineIsHeldUntilItsNewline()
    {
        var filter = new TerminalTextFilter();

        filter.Append("partial");
        var before = filter.TakeReleased();
        filter.Append(" line\nnext");
        var after = filter.TakeReleased();

        Assert.Equal(("", "partial line\n"), (before, after));
        Assert.Equal("next", filter.Finish());
    }

    [Fact]
    public void LastLineRedrawnAtTheEndIsDropped()
    {
        Assert.Equal("done\n", Filter("done\n⠋ Thinking...\r"));
    }

    [Fact]
    public void VeryLongLineIsReleasedWithoutItsNewline()
    {
        var filter = new TerminalTextFilter();

        filter.Append(new string('x', TerminalTextFilter.MaxPendingLine + 10));

        Assert.Equal(TerminalTextFilter.MaxPendingLine, filter.TakeReleased().Length);
    }

    private static string Filter(string input)
    {
        var filter = new TerminalTextFilter();
        filter.Append(input);
        return filter.Finish();
    }
}
