using System.Text.RegularExpressions;
using ChatOps.IntentRecognition.Local;
using ChatOps.IntentRecognition.Model;

namespace ChatOps.IntentRecognition;

/// <summary>What the lexicons say about a message that the model cannot: whether it names something the team operates,
/// in its ops sense, and whether it asks for documents. <see cref="LocalIntentClassifier"/> gates the ops route on it.</summary>
internal static partial class OpsEvidence
{
    public static readonly CueMatcher Lexicon = new(
        [.. EnglishLexicon.Groups, .. ChineseLexicon.Groups],
        [.. EnglishLexicon.Patterns, .. ChineseLexicon.Patterns]);

    // The ops route needs at least one word of the ops lexicon that names something operated (a service, a resource,
    // an environment, a metric: "latency", "生产") or a resource id: a sentence whose ops look comes
    // only from its frame ("is … still drivable end to end?", "is the bakery still open right now?", "did the price of
    // eggs go up this month?") is chat, however sure the model is. Time and question-frame cues (Frame) do not count.
    public static bool NamesSomethingOperated(string normalised) =>
        Operated(normalised).Any() || NamesAResource(normalised);

    // ...and, unless the model is sure, something that is ours: a word only ops uses (a service, "prod", "p99"), a
    // resource id, or an everyday ops word ("build", "region", "deploy", "stuck") said of our own ("our", "we", "我们").
    public static bool NamesSomethingOfOurs(string normalised) =>
        NamesSomethingOnlyOpsHas(normalised) || (Operated(normalised).Any() && Ours().IsMatch(normalised));

    // ...of which a word only ops uses or a resource id holds however foreign the rest of the sentence reads; "our" or
    // "we" next to an everyday ops word does not ("the raid instance we keep wiping on", "我们这儿地铁…发布了吗").
    public static bool NamesSomethingOnlyOpsHas(string normalised) =>
        Operated(normalised).Any(hit => !Everyday.Contains(hit.Name)) || NamesAResource(normalised);

    private static IEnumerable<CueHit> Operated(string normalised) =>
        Lexicon.Match(normalised).Where(hit => hit.Kind is CueKind.Domain || (hit.Kind is CueKind.Live && !Frame.Contains(hit.Name)));

    [GeneratedRegex(@"\b(our|ours|we|we've|we're|my team)\b|我们|咱们|我司|公司的|团队的")]
    private static partial Regex Ours();

    // Ops words that everyday language uses too: a Roman road was built, a parcel is stuck at a regional hub.
    private static readonly HashSet<string> Everyday = new(StringComparer.Ordinal)
    {
        "deploy*", "deployment", "deployed", "cluster", "node", "nodes", "pod", "pods", "container*", "instance*", "server*",
        "host*", "region*", "release*", "restart*", "backup*", "snapshot*", "patch*", "upgrade*", "migration", "volume*",
        "role", "roles", "job", "jobs", "message*", "service", "services", "database", "db", "queue", "topic*",
        "partition*", "pipeline*", "endpoint*", "replica*", "shard*", "stack", "incident*", "outage*", "console", "build",
        "builds", "frontend", "backend", "requests", "fleet*", "namespace*", "certificate", "principal*", "consumer*",
        "restore*", "nightly", "overnight", "last week", "past week", "past day", "failover", "rollback", "canary", "broker",
        "health", "slow", "failed", "error", "exception*", "timeout*", "cost", "costs", "spend*", "usage", "backlog",
        "connections", "throughput", "investigate", "alert", "alerts", "capacity", "scaled", "scaling", "memory", "disk",
        "log", "logs", "latency", "healthy", "failing", "crashed", "crashing", "restarted", "errors", "exceptions",
        "dashboard", "alarm", "alarms", "lag", "metric*", "utilization", "utilisation", "billing", "api", "telemetry",
        "paged", "paging", "on fire", "everything green", "all green", "admin access", "bucket", "lambda", "s3", "cpu",
        "account", "traffic shift*", "quota*", "deadlock*", "invocation*", "uptime", "describe", "firing", "erroring",
        "iops", "memory usage", "dns", "iot", "storage", "rps", "bill", "machine*", "image*", "cache", "config", "gateway*",
        "budget*", "charges", "roll back", "rolled back", "rolling back", "revert*", "端口", "标签", "资源", "健康吗", "不健康", "超时了", "工单", "production",
        "延迟", "报错", "报错了", "日志", "内存", "磁盘", "流量", "负载", "峰值", "费用", "成本", "错误", "异常", "超时", "失败", "花费",
        "指标", "监控", "使用率", "占用率", "积压", "堆积", "连接数", "账单", "限流", "被限流", "限流了",
        "集群", "实例", "服务", "节点", "数据库", "机器", "服务器", "容器", "部署", "发布", "上线", "故障", "事故", "账号", "桶",
        "队列", "主题", "分区", "副本", "网关", "接口", "证书", "域名", "扩容", "缩容", "重启", "回滚", "缓存", "云", "备份",
        "快照", "切换", "迁移", "权限", "弹性", "卷", "镜像", "函数", "任务", "同步", "存储", "连接", "角色", "前端", "后端",
        "构建", "跑完", "私有", "公网", "配额", "死锁", "并发", "报警", "报警了",
    };

    // Live cues that are only a question's frame: time words, "how many", "list", "status", "is … running?".
    private static readonly HashSet<string> Frame = new(StringComparer.Ordinal)
    {
        "right now", "at the moment", "as of now", "currently", "still running", "just now", "last hour", "past hour",
        "this morning", "last night", "offline", "in progress", "what's going on", "what is going on", "what's happening",
        "what is happening", "since <time>", "<time>", "last <n> minutes", "is <x> <state>?", "status", "running", "stopped",
        "how many", "list", "show me", "now", "today", "yesterday", "tonight", "so far", "this month", "down",
        "which version", "is there any", "are there any", "trend", "graph", "slow", "pending", "how much", "check", "show",
        "recently", "this week", "why is", "why are", "why does", "stuck", "available", "reachable", "count", "finished",
        "completed", "succeeded", "online", "expir*", "<时间>以后", "<时间>", "最近<n>分钟", "<x>吗 (状态)", "正常吗", "是否正常",
        "现在", "目前", "当前", "今天", "今早", "早上", "昨晚", "昨天", "本月", "这个月", "上个月", "这周", "以来", "状态", "看一下", "看下", "看看",
        "多少", "几个", "有哪些", "最近", "情况", "哪些", "慢", "卡住", "运行", "有多少", "刚刚", "刚才", "此刻", "现在的",
    };

    // ...and uses it in its ops sense: next to a word of another domain (the clouds of the weather, a Java lambda
    // expression, an Audi S3, the AWS stock price) the ops word means something else, unless a resource id is named.
    public static bool InOpsSense(string normalised) =>
        NamesSomethingOperated(normalised) && (NamesAResource(normalised) || OtherSense.Find(normalised) is null);

    // A document by name ("the runbook", "the deploy doc", "the ADR", "按部署文档"): its answer is written down. "Policy"
    // alone is not one (an IAM or bucket policy is a live thing).
    public static bool NamesADocument(string normalised) => DocumentNames().IsMatch(normalised);

    [GeneratedRegex(@"\b(runbooks?|playbooks?|wiki|confluence|documentation|the docs?|design docs?|deploy(ment)? docs?|adrs?|postmortems?|post-mortems?|incident reviews?|according to|per the (runbook|doc|docs|policy|standard|guideline)s?)\b|文档|规范|规定|手册|预案|制度|复盘|按照")]
    private static partial Regex DocumentNames();

    public static bool NamesAResource(string normalised) =>
        !string.Equals(QuestionFeatures.Prepare(normalised), normalised, StringComparison.Ordinal);

    // A strong documentation cue ("policy", "according to", "runbook", "how do I"): the question may be about the
    // team's rules on that other domain (a travel policy), so the model's knowledge_base stands.
    public static bool AsksForDocuments(string normalised) =>
        Lexicon.Match(normalised).Any(hit => hit.Kind == CueKind.Docs && hit.Weight >= 3);
}
