using ChatOps.LarkBotAdapter.Texts;

namespace ChatOps.LarkBotAdapter.Tests.Texts;

public sealed class NoticeTextsTests
{
    [Theory]
    [InlineData(540, "9 minutes")]
    [InlineData(60, "1 minute")]
    [InlineData(90, "2 minutes")]
    [InlineData(45, "45 seconds")]
    [InlineData(1, "1 second")]
    [InlineData(0.5, "1 second")]
    public void LimitsReadAsAPersonWouldSayThem(double seconds, string expected) =>
        Assert.Equal(expected, NoticeTexts.Duration(TimeSpan.FromSeconds(seconds)));
}
