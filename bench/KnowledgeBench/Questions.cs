namespace ChatOps.Bench;

/// <summary>Ops questions in English and Chinese, some naming a replicated service, cycled to the requested count.</summary>
internal static class Questions
{
    private static readonly string[] Templates =
    [
        "{0} is throwing lots of 500 errors after a deploy, how do I go back to the previous version?",
        "we expect a traffic surge, how do I add more pods for {0} ahead of time?",
        "pods of {0} are stuck with exhausted connection pools",
        "the kubelet on a worker seems dead, how do I read its logs without ssh?",
        "the worker node is beyond repair, how do I get a fresh instance instead?",
        "how do I promote an Aurora reader of {0} to be the new writer?",
        "after the database failover our service still talks to the old host",
        "how many minutes of downtime per month does a 99.9% target leave us?",
        "what is the latency SLO of {0}",
        "rollback",
        "P1 故障多久要响应？要通知哪些人？",
        "一线值班的同事 15 分钟都没回复，下一步找谁？",
        "{0} 的 Kafka 消费组积压越来越多，怎么提高消费的并行度？",
        "怎么看某个 consumer group 每个分区落后了多少条消息",
        "业务同意丢弃积压的消息，怎么让消费者直接从最新的位置开始消费",
        "刚发现线上出问题，第一条通知该怎么写",
        "错误预算用完了会怎么样，还能发新功能吗",
        "客户的月可用性低于 99%，能拿到多少赔偿",
        "那重启呢？",
        "what's a good sourdough recipe?",
    ];

    public static List<string> Make(int count)
    {
        var questions = new List<string>(count);
        for (var i = 0; questions.Count < count; i++)
        {
            var template = Templates[i % Templates.Length];
            var service = (i / Templates.Length) % 3 == 0 ? "checkout-api" : $"{Corpus.ServiceName(1 + (i % 17))}-checkout-api";
            questions.Add(string.Format(System.Globalization.CultureInfo.InvariantCulture, template, service));
        }
        return questions;
    }
}
