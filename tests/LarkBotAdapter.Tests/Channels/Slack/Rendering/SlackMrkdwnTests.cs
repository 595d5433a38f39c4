using ChatOps.LarkBotAdapter.Channels.Slack;
using ChatOps.LarkBotAdapter.Channels.Slack.Rendering;

namespace ChatOps.LarkBotAdapter.Tests.Channels.Slack.Rendering;

/// <summary>Markdown as the responders write it → the mrkdwn Slack receives.</summary>
public sealed class SlackMrkdwnTests
{
    private const string Zw = "\u200B";

    public static TheoryData<string, string, string> Cases() => new()
    {
        { "bold and italic", "Use **kubectl** with *care* and __caution__.", "Use *kubectl* with _care_ and *caution*." },
        { "bold containing italic", "**restart _only_ the canary**", "*restart _only_ the canary*" },
        { "strikethrough", "~~deprecated~~ use v2", "~deprecated~ use v2" },
        { "snake_case is not italic", "set max_retry_count and __init__ hooks", "set max_retry_count and *init* hooks" },
        { "headings become bold lines", "# Restart checkout-api\n\n## Step 1: **drain**\n### Notes ###", "*Restart checkout-api*\n\n*Step 1: drain*\n*Notes*" },
        { "links and images", "See [the runbook](https://wiki.example.com/run?a=1&b=2) and ![graph](https://img.example.com/g.png).",
            "See <https://wiki.example.com/run?a=1&amp;b=2|the runbook> and <https://img.example.com/g.png|graph>." },
        { "autolinks and bare urls", "Docs: <https://docs.example.com> or https://example.com/x?y=1&z=2",
            "Docs: <https://docs.example.com> or https://example.com/x?y=1&amp;z=2" },
        { "link with bold label and a pipe in the url", "[**SLA** doc](https://e.example.com/a|b)", "<https://e.example.com/a%7Cb|SLA doc>" },
        { "citations as links", "Restart the pods [1].\n\n[1]: https://wiki.example.com/runbooks/checkout \"Checkout runbook\"\n[2]: https://wiki.example.com/sla",
            "Restart the pods [1].\n\n[1] <https://wiki.example.com/runbooks/checkout|Checkout runbook>\n[2] <https://wiki.example.com/sla>" },
        { "nested lists", "- check alarms\n  - CloudWatch\n    - 5xx rate\n  - PagerDuty\n- roll back\n1. first\n2) second",
            "• check alarms\n    ◦ CloudWatch\n        ▪ 5xx rate\n    ◦ PagerDuty\n• roll back\n1. first\n2. second" },
        { "four-space nesting and task boxes", "* [ ] drain node\n    * [x] cordon\n+ done", "• ☐ drain node\n    ◦ ☑ cordon\n• done" },
        { "code block kept, language dropped, escapes applied", "Run:\n\n```bash\nkubectl get pods -l app=web | grep -v Running && echo \"<none>\"\n# **not bold**\n```\nthen wait.",
            "Run:\n\n```\nkubectl get pods -l app=web | grep -v Running &amp;&amp; echo \"&lt;none&gt;\"\n# **not bold**\n```\nthen wait." },
        { "unclosed code block is closed", "```\nstill code", "```\nstill code\n```" },
        { "tilde fence", "~~~json\n{\"a\": 1}\n~~~", "```\n{\"a\": 1}\n```" },
        { "inline code untouched", "Set `MAX_*_LIMIT` to `<n>` and **restart**", "Set `MAX_*_LIMIT` to `&lt;n&gt;` and *restart*" },
        { "escapes outside code", "p99 < 200ms && errors > 1%", "p99 &lt; 200ms &amp;&amp; errors &gt; 1%" },
        { "backslash escapes are literal", "2 \\* 3 \\* 4 and \\_x\\_", "2 * 3 * 4 and _x_" },
        { "quotes and rules", "> **Note**: read-only\n\n---\nend", "> *Note*: read-only\n\n────────────\nend" },
        { "table becomes a code block", "| service | SLA |\n|---|---:|\n| checkout | 99.9% |\n\nafter",
            "```\n| service | SLA |\n|---|---:|\n| checkout | 99.9% |\n```\n\nafter" },
        { "CJK bold gets zero-width spaces", "请先执行**回滚**再通知值班负责人", $"请先执行{Zw}*回滚*{Zw}再通知值班负责人" },
        { "CJK with spaces and punctuation needs none", "结论：**健康**。", "结论：*健康*。" },
        { "CJK list and link", "- 查看 [EKS 节点状态](https://console.example.com/eks)\n  - 确认**所有**节点 Ready",
            $"• 查看 <https://console.example.com/eks|EKS 节点状态>\n    ◦ 确认{Zw}*所有*{Zw}节点 Ready" },
        { "ANSI colours removed", "\u001b[32mOK\u001b[0m 3 nodes", "OK 3 nodes" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void MarkdownBecomesMrkdwn(string name, string markdown, string expected)
    {
        Assert.False(string.IsNullOrEmpty(name));
        Assert.Equal(expected, SlackMrkdwn.Convert(markdown));
    }

    [Fact]
    public void OversizedTextIsCutUnderSlacksLimit()
    {
        var text = SlackMrkdwn.Convert(string.Concat(Enumerable.Repeat("a & b ", 20_000)));
        Assert.Equal(SlackMrkdwn.MaxTextChars, text.Length);
        Assert.EndsWith("…", text, StringComparison.Ordinal);
    }

    [Fact]
    public void RealisticAnswerKeepsEveryWordAndBalancedFences()
    {
        var answer = AppHost.LongAnswer.Build(6000);
        var converted = SlackMrkdwn.Convert(answer);
        Assert.Equal(0, converted.Split("```").Length % 2 == 1 ? 0 : 1);
        Assert.Contains("kubectl -n checkout rollout status", converted, StringComparison.Ordinal);
        Assert.Contains("如果错误率超过阈值", converted, StringComparison.Ordinal);
        Assert.DoesNotContain("##", converted, StringComparison.Ordinal);
        Assert.Contains("• confirm the alarm in CloudWatch", converted, StringComparison.Ordinal);
    }
}
