using ChatOps.LarkBotAdapter.Channels.Slack;
using ChatOps.LarkBotAdapter.Channels.Slack.Rendering;

namespace ChatOps.LarkBotAdapter.Tests.Channels.Slack.Rendering;

public sealed class SlackTextTests
{
    [Theory]
    [InlineData("<@U0BOT> is checkout-api healthy?", "is checkout-api healthy?")]
    [InlineData("hey <@U0BOT>   what is the SLA?", "hey what is the SLA?")]
    [InlineData("<@U0BOT> ask <@U0ALICE|alice> and <@U0BOB>", "ask @alice and @U0BOB")]
    [InlineData("<@U0BOT> see <#C0OPS|ops> and <!here>", "see #ops and @here")]
    [InlineData("<@U0BOT> <!subteam^S0ONCALL|@oncall> please", "@oncall please")]
    [InlineData("<@U0BOT> runbook <https://wiki.example.com/run?a=1&amp;b=2|restart guide>", "runbook restart guide (https://wiki.example.com/run?a=1&b=2)")]
    [InlineData("<@U0BOT> open <https://example.com/x>", "open https://example.com/x")]
    [InlineData("<@U0BOT> mail <mailto:ops@example.com|ops@example.com>", "mail ops@example.com")]
    [InlineData("<@U0BOT> is p99 &lt; 200ms &amp;&amp; errors &gt; 1%?", "is p99 < 200ms && errors > 1%?")]
    [InlineData("<@U0BOT> literal &amp;lt; stays", "literal &lt; stays")]
    [InlineData("<@U0BOT> 生产环境的 EKS 集群现在健康吗？", "生产环境的 EKS 集群现在健康吗？")]
    public void MessageTextIsDecodedWithoutTheBotMention(string raw, string expected) =>
        Assert.Equal(expected, SlackText.ToPlainText(raw, "U0BOT"));

    [Fact]
    public void MentionedUsersAreListedOnce() =>
        Assert.Equal(["U0BOT", "U0ALICE"], SlackText.MentionedUserIds("<@U0BOT> hi <@U0ALICE|alice> <@U0BOT> <#C0OPS|ops>"));

    [Fact]
    public void EscapeAndUnescapeRoundTrip()
    {
        const string text = "a < b && c > d; &amp; literal";
        Assert.Equal("a &lt; b &amp;&amp; c &gt; d; &amp;amp; literal", SlackText.Escape(text));
        Assert.Equal(text, SlackText.Unescape(SlackText.Escape(text)));
    }
}
