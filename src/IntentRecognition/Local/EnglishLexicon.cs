namespace ChatOps.IntentRecognition.Local;

/// <summary>English cues of an ops team's chat. General vocabulary, not sample sentences.</summary>
internal static class EnglishLexicon
{
    public static readonly CueGroup[] Groups =
    [
        // Live state: things only the accounts themselves can answer.
        new(CueKind.Live, 3,
            "cloudwatch", "cost explorer", "in alarm", "firing", "right now", "at the moment", "as of now", "currently",
            "error rate", "crashloopbackoff", "crashloop*", "oomkill*", "5xx", "4xx", "500", "502", "503", "504",
            "p99", "p95", "p90", "cpu", "disk usage", "free storage", "consumer lag", "replica lag", "queue depth",
            "describe", "uptime", "restart count", "how much did we spend", "how much are we spending",
            "how much have we spent", "what's going on", "what is going on", "what's happening", "what is happening",
            "still running", "still down", "still failing", "just now", "last hour", "past hour", "this morning",
            "last night", "last deploy*", "unhealthy", "offline", "timing out", "rolling out", "in progress"),
        new(CueKind.Live, 2,
            "metric*", "log", "logs", "latency", "throttl*", "status", "healthy", "running", "stopped", "failing",
            "erroring", "spik*", "how many", "list", "show me", "now", "today", "yesterday", "tonight", "so far",
            "this month", "bill", "utilization", "utilisation", "memory usage", "connection count", "lag",
            "restarted", "crashed", "crashing", "down", "which version", "is there any", "are there any",
            "any errors", "alarm", "alarms", "dashboard", "graph", "trend", "iops", "5xxs", "errors", "exceptions"),
        new(CueKind.Live, 1.5,
            "health", "slow", "pending", "failed", "error", "exception*", "timeout*", "how much", "check", "show",
            "cost", "costs", "spend*", "billing", "usage", "deployed", "backlog", "dlq", "connections", "throughput",
            "recently", "this week", "why is", "why are", "why does", "investigate", "alert", "alerts", "stuck",
            "available", "reachable", "count", "capacity", "expir*", "scaled", "scaling", "memory", "disk", "online",
            "finished", "completed", "succeeded"),
        new(CueKind.Live, 1,
            "prod", "production", "uat", "staging", "preprod", "pre-prod", "sandbox", "dev account", "account"),

        // Documented knowledge: how things should be done and who decides.
        new(CueKind.Docs, 3,
            "runbook*", "playbook*", "sop", "according to", "documented", "documentation", "the docs", "wiki",
            "confluence", "escalation path", "escalation policy", "sla", "slo", "sli", "who owns", "who is the owner",
            "who is responsible", "who's responsible", "who do i call", "who should i", "who to contact", "procedure*",
            "policy", "policies", "guideline*", "checklist", "best practice*", "how do i", "how do we", "how to",
            "how should", "how can i", "how can we", "step by step", "steps to", "what are the steps",
            "what should i do", "what do we do", "rto", "rpo", "incident response", "severity level*",
            "maintenance window", "change freeze", "change request", "change management", "postmortem template",
            "disaster recovery", "on-call rotation", "oncall rotation", "rotation"),
        new(CueKind.Docs, 2,
            "escalat*", "on-call", "oncall", "on call", "owner*", "responsible", "point of contact", "contact",
            "process", "approval", "approve*", "severity", "sev1", "sev2", "sev3", "p1", "p2", "handover", "handoff",
            "definition*", "defined", "define", "what counts as", "recommended", "supposed to", "allowed to",
            "should i", "should we", "do we need", "rollback plan", "retention", "naming convention", "standard",
            "requirement*", "compliance", "template", "postmortem", "post-mortem", "rca", "onboarding",
            "request access", "access request", "permission*", "training", "explain", "guide", "response time",
            "target", "mean", "means", "difference between", "pager duty", "acknowledge", "ack", "escalate"),

        // Off topic: chat that no document or account can answer.
        new(CueKind.OffTopic, 3,
            "joke*", "weather", "lunch", "dinner", "breakfast", "movie*", "film", "recipe*", "poem", "song*", "lyrics",
            "football", "soccer", "basketball", "nba", "world cup", "olympics", "restaurant*", "pizza", "burger",
            "sushi", "coffee", "beer", "birthday", "vacation", "horoscope", "zodiac", "capital of", "who won",
            "tell me a story", "riddle", "homework", "leetcode", "trivia", "meaning of life", "netflix", "gym",
            "workout", "diet", "stock price", "bitcoin", "crypto", "lottery", "hotel", "translate", "essay", "haiku",
            "limerick", "chess", "sudoku", "novel", "rain", "umbrella", "snow", "how are you", "who are you",
            "your name", "are you a robot", "are you human", "reverse a string", "fibonacci", "palindrome",
            "bubble sort", "linked list", "binary tree", "write a function", "re:invent", "reinvent", "summit",
            "conference", "swag", "keynote", "certification exam", "exam", "happy hour", "happy friday", "party",
            "dog", "pet", "weekend plan*", "boyfriend", "girlfriend", "recommend a book", "best book",
            "tv show", "video game*", "game", "playlist", "music", "salary", "cooking", "bake", "flight",
            "airport", "traffic", "parking", "quantum", "dinosaur*", "planet", "universe", "history of",
            "capital city", "cover letter", "resume", "fun fact", "tell me something", "espresso", "css", "html"),
        new(CueKind.OffTopic, 1.5,
            "hello", "hi", "hey", "thanks", "thank you", "thx", "good morning", "good night", "lol", "haha", "cheers",
            "weekend", "holiday", "travel", "funny", "bored", "python", "javascript", "homework", "puzzle"),

        // Things the team runs: in scope, but say nothing about which route.
        new(CueKind.Domain, 1,
            "aws", "ec2", "rds", "aurora", "eks", "ecs", "fargate", "msk", "kafka", "lambda", "s3", "bucket",
            "dynamodb", "elasticache", "redis", "opensearch", "elasticsearch", "alb", "elb", "nlb", "load balancer",
            "target group", "asg", "autoscaling", "auto scaling", "cluster", "node", "nodes", "nodegroup", "pod",
            "pods", "broker", "sqs", "sns", "queue", "vpc", "subnet", "security group", "iam", "cloudfront",
            "route53", "route 53", "dns", "certificate", "acm", "kms", "secrets manager", "deployment", "deploy*",
            "service", "services", "api", "database", "db", "instance*", "server*", "host*", "container*", "k8s",
            "kubernetes", "helm", "terraform", "cloudformation", "stack", "incident*", "outage*", "pager*",
            "pagerduty", "grafana", "prometheus", "datadog", "jenkins", "pipeline*", "nginx", "ingress",
            "endpoint*", "replica*", "shard*", "partition*", "topic*", "region*", "release*", "rollback", "restart*",
            "failover", "backup*", "snapshot*", "patch*", "upgrade*", "migration", "traffic shift*", "canary",
            "cloudtrail", "efs", "ebs", "volume*", "ami", "ecr", "eventbridge", "step function*", "state machine*",
            "config rule*", "aws config", "cronjob*", "cron job*", "autoscaler", "karpenter", "guardduty",
            "security hub", "inspector", "waf", "shield", "api gateway", "cognito", "ses", "ssm", "parameter store",
            "systems manager", "session manager", "kinesis", "firehose", "athena", "glue", "redshift", "emr",
            "sagemaker", "bedrock", "codebuild", "codepipeline", "codedeploy", "nat gateway", "transit gateway",
            "vpn", "direct connect", "trusted advisor", "savings plan*", "reserved instance*", "organizations",
            "x-ray", "xray", "elastic ip*", "route table*", "network acl*", "fsx", "step functions", "event bridge",
            "etl", "dms", "bastion", "principal*", "role", "roles", "job", "jobs", "consumer*", "message*",
            "break-glass", "public ip", "private ip", "ip address*", "nightly", "overnight", "last week", "past week",
            "past day", "everything green", "all green"),
    ];

    public static readonly PatternCue[] Patterns =
    [
        new(CueKind.Live, 3, "since <time>", @"\b(since|after|from|between)\s+\d{1,2}([:.]\d{2})?\s*(am|pm)?\b"),
        new(CueKind.Live, 2, "<time>", @"\b\d{1,2}:\d{2}\b"),
        new(CueKind.Live, 3, "last <n> minutes", @"\b(last|past|previous)\s+(\d+|few|couple of|two|three|five|ten|fifteen|thirty)\s+(min|mins|minutes|hours|hrs|days)\b"),
        new(CueKind.Live, 2.5, "is <x> <state>?", @"^(is|are|was|were|did|has|have|does)\b.{0,60}\b(running|up|down|alive|healthy|stuck|working|available|reachable|restart\w*|crash\w*|fail\w*|scal\w*|deployed|rolled|stopped|started|throttl\w*|erroring|paging|firing|full|saturated|breach\w*)\b"),
        new(CueKind.Live, 3, "resource id", @"\b(i-[0-9a-f]{6,}|arn:aws:|sg-[0-9a-f]{6,}|vol-[0-9a-f]{6,})"),
        new(CueKind.Domain, 1.5, "region", @"\b(us|eu|ap|sa|ca|me|af|cn)-[a-z]+-\d\b"),
        new(CueKind.Domain, 1.5, "service name", @"\b[a-z0-9]+(-[a-z0-9]+)*-(api|svc|service|worker|gateway|web|db|cluster|consumer|job)\b"),
    ];
}
