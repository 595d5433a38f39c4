using ChatOps.LarkBotAdapter.Worker;

namespace ChatOps.LarkBotAdapter.Tests.Worker;

public sealed class NoticesTests
{
    [Theory]
    [InlineData(540, "9 minutes")]
    [InlineData(60, "1 minute")]
    [InlineData(90, "2 minutes")]
    [InlineData(45, "45 seconds")]
    [InlineData(1, "1 second")]
    [InlineData(0.5, "1 second")]
    public void LimitsReadAsAPersonWouldSayThem(double seconds, string expected) =>
        Assert.Equal(expected, Notices.Duration(TimeSpan.FromSeconds(seconds)));
}
