namespace ChatOps.LarkBotAdapter.Tests.Knowledge.Local;

/// <summary>Questions people ask, mostly in words other than the headings', against the repository's knowledge/ folder:
/// the expected passage must rank first.</summary>
public sealed class BundledRankingTests
{
    public static TheoryData<string, string, string> Questions => new()
    {
        // English
        { "checkout-api is throwing lots of 500 errors after today's deploy, how do I go back to the previous version?", "runbooks/checkout-api.md", "5xx spike › Rollback" },
        { "we expect a traffic surge for the sale, how do I add more checkout pods ahead of time?", "runbooks/checkout-api.md", "Scaling › Manual scale-out" },
        { "checkout pods are stuck with exhausted connection pools but nothing was released", "runbooks/checkout-api.md", "5xx spike › Restart" },
        { "the kubelet on a worker seems dead, how do I read its logs without ssh?", "runbooks/eks-node-not-ready.md", "Diagnose › Kubelet and container runtime" },
        { "the worker node is beyond repair, how do I get a fresh instance instead?", "runbooks/eks-node-not-ready.md", "Remediate › Replace the node" },
        { "how do I promote an Aurora reader to be the new writer on purpose?", "runbooks/rds-failover.md", "Planned failover" },
        { "after the database switched over our java service still talks to the old host and gets read-only errors", "runbooks/rds-failover.md", "Known issues › Applications keep connecting to the old writer" },
        { "how many minutes of downtime per month does a 99.9% target leave us?", "policies/sla-slo.md", "Error budget policy · 错误预算策略" },
        // Chinese
        { "P1 故障多久要响应？要通知哪些人？", "policies/oncall-escalation.md", "故障等级与响应时间" },
        { "一线值班的同事 15 分钟都没回复，下一步找谁？", "policies/oncall-escalation.md", "升级路径" },
        { "Kafka 消费组积压越来越多，怎么提高消费的并行度？", "runbooks/msk-consumer-lag.md", "处理步骤 › 扩容消费者" },
        { "怎么看某个 consumer group 每个分区落后了多少条消息", "runbooks/msk-consumer-lag.md", "判断是否真的积压 › 查看消费组 Lag" },
        { "业务同意丢弃积压的消息，怎么让消费者直接从最新的位置开始消费", "runbooks/msk-consumer-lag.md", "处理步骤 › 重置 offset（慎用）" },
        { "刚发现线上出问题，第一条通知该怎么写", "templates/incident-communication.md", "首次通报模板" },
        { "错误预算用完了会怎么样，还能发新功能吗", "policies/sla-slo.md", "Error budget policy · 错误预算策略" },
        { "客户的月可用性低于 99%，能拿到多少赔偿", "policies/sla-slo.md", "Customer SLA credits · 客户赔付" },
    };

    [Theory]
    [MemberData(nameof(Questions))]
    public void ExpectedPassageRanksFirst(string question, string file, string section)
    {
        var hits = KnowledgeFolders.BundledBase.Search(question);
        Assert.NotEmpty(hits);
        var best = hits[0].Chunk;
        Assert.True(best.File == file && best.SectionPath == section,
            $"expected {file} › {section}, got {string.Join(" | ", hits.Select(h => $"{h.Chunk.Citation} ({h.Score:F2}, {h.Coverage:F2})"))}");
    }

    [Fact]
    public void TableIsHalfEnglishHalfChinese()
    {
        var chinese = Questions.Count(row => ChatOps.LarkBotAdapter.Texts.Language.LooksChinese((string)row[0]));
        Assert.Equal(Questions.Count() / 2, chinese);
    }
}
