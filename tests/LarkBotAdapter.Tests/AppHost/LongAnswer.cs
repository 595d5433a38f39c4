using System.Text;

namespace ChatOps.LarkBotAdapter.Tests.AppHost;

/// <summary>A realistic ~20 KB Markdown answer: headings, lists, Chinese text and two fenced code blocks.</summary>
public static class LongAnswer
{
    public static string Build(int targetChars = 20_000)
    {
        var text = new StringBuilder();
        var section = 0;
        while (text.Length < targetChars)
        {
            section++;
            text.Append("## Step ").Append(section).Append(": check the service\n\n");
            text.Append("Run the health check first, then compare the error rate with the SLA of 99.9% per month. ")
                .Append("如果错误率超过阈值，请先回滚最近一次发布，再通知值班负责人。 ")
                .Append("Escalate to the payments on-call when the checkout error rate stays above 2% for ten minutes.\n\n");
            text.Append("- confirm the alarm in CloudWatch\n- check recent deployments\n- 查看 EKS 节点状态\n\n");
            if (section % 4 == 1)
            {
                text.Append("```bash\n");
                for (var line = 0; line < 12; line++)
                {
                    text.Append("kubectl -n checkout rollout status deploy/checkout-api --timeout=60s # step ").Append(line).Append('\n');
                }
                text.Append("```\n\n");
            }
        }
        return text.ToString();
    }
}
