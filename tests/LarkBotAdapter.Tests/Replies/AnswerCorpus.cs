using System.Text;

namespace ChatOps.LarkBotAdapter.Tests.Replies;

/// <summary>A ~20 KB answer like an ops assistant writes: prose, lists, Chinese, emoji and two code blocks, one of 6 KB.</summary>
internal static class AnswerCorpus
{
    private static readonly string[] Words =
    [
        "the", "cluster", "node", "pod", "restarted", "because", "memory", "limit", "was", "exceeded", "check",
        "autoscaling", "group", "instance", "us-east-1", "latency", "p99", "increased", "after", "deploy", "rollback",
        "runbook", "🚀", "SLA", "error-rate", "dashboard", "alarm", "(see", "ticket)", "“quoted”", "on-call",
    ];

    private static readonly string[] Chinese =
    [
        "集群中的节点出现了内存压力", "请先检查自动伸缩组的配置", "告警在部署之后触发", "值班工程师需要确认回滚计划",
        "延迟明显升高 📈", "数据库连接池已经耗尽", "按照运行手册执行第三步",
    ];

    public static string Build(int seed = 7)
    {
        var random = new Random(seed);
        var text = new StringBuilder();
        text.Append("# Incident summary\n\n");
        var section = 0;
        while (text.Length < 20_000)
        {
            text.Append(Paragraph(random)).Append("\n\n");
            text.Append("## Findings ").Append(++section).Append("\n\n");
            for (var i = 0; i < 6; i++)
            {
                text.Append(i % 3 == 2 ? "  - " : "- ").Append(Sentence(random)).Append('\n');
            }

            text.Append('\n').Append(ChineseParagraph(random)).Append("\n\n");
            if (section == 2)
            {
                text.Append(CodeBlock("bash", 1_200, "aws ec2 describe-instances --region us-east-1 # 🖥️")).Append("\n\n");
            }

            if (section == 4)
            {
                text.Append(CodeBlock("python", 6_000, "    total += latency[i] * weight  # 权重 \"w\" \\ ok")).Append("\n\n");
            }
        }

        return text.ToString().TrimEnd() + "\n";
    }

    public static string CodeBlock(string info, int size, string line)
    {
        var block = new StringBuilder("```").Append(info).Append('\n');
        for (var i = 0; block.Length < size; i++)
        {
            block.Append(line).Append(' ').Append(i).Append('\n');
        }

        return block.Append("```").ToString();
    }

    private static string Paragraph(Random random)
    {
        var text = new StringBuilder();
        var sentences = random.Next(4, 9);
        for (var i = 0; i < sentences; i++)
        {
            text.Append(i == 0 ? string.Empty : " ").Append(Sentence(random));
        }

        return text.ToString();
    }

    private static string Sentence(Random random)
    {
        var words = Enumerable.Range(0, random.Next(6, 18)).Select(_ => Words[random.Next(Words.Length)]);
        var sentence = string.Join(' ', words);
        return char.ToUpperInvariant(sentence[0]) + sentence[1..] + (random.Next(4) == 0 ? "!" : ".");
    }

    private static string ChineseParagraph(Random random) =>
        string.Concat(Enumerable.Range(0, random.Next(5, 12)).Select(_ => Chinese[random.Next(Chinese.Length)] + "。"));
}
