namespace ChatOps.LarkBotAdapter.Worker;

/// <summary>How the worker runs.</summary>
public sealed record WorkerOptions
{
    /// <summary>Jobs answered at once in a long-running process.</summary>
    public int Concurrency { get; init; } = 8;

    public int QueueCapacity { get; init; } = 1000;

    /// <summary>Set when running on Lambda: jobs go to an async self-invocation of this function.</summary>
    public string? LambdaFunctionName { get; init; }

    /// <summary>Whether <c>POST /events</c> accepts jobs (on Lambda, where only the Web Adapter can reach it).</summary>
    public bool EventsEndpointEnabled { get; init; }

    /// <summary>How long a claim lives: longer than the platforms' redelivery window (Lark ~7 h).</summary>
    public TimeSpan ClaimTtl { get; init; } = TimeSpan.FromHours(24);

    /// <summary>How long a quiet thread keeps its context.</summary>
    public TimeSpan ThreadTtl { get; init; } = TimeSpan.FromDays(7);

    /// <summary>Turns of a thread remembered for follow-ups.</summary>
    public int MaxThreadTurns { get; init; } = 12;

    /// <summary>Longest time to classify and answer one turn (below Lambda's 600 s timeout, leaving time to say so).</summary>
    public TimeSpan AnswerTimeout { get; init; } = TimeSpan.FromMinutes(9);

    /// <summary>First wait before re-posting a refused reply (then ×5, three times), after the HTTP client's own retries.</summary>
    public TimeSpan ReplyRetryDelay { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Longest time the ingress spends telling the asker it cannot take a message (the ack must stay within the
    /// platforms' 3 s).</summary>
    public TimeSpan NoticeTimeout { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a job's lease on <c>/events</c> lasts without renewal; renewed at a third of it while the job
    /// runs. A retry of a crashed run (Lambda waits at least a minute) finds it expired and takes the job over.</summary>
    public TimeSpan JobLeaseTime { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>On shutdown outside Lambda: how long running and queued jobs may still take before they are cut short
    /// (with a notice in their threads). Below the host's shutdown timeout, so the notices still go out.</summary>
    public TimeSpan DrainTimeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Questions one user may ask per minute before being asked to wait (0 = no limit).</summary>
    public int UserQuestionsPerMinute { get; init; } = 6;

    /// <summary>Answers shown live where the platform can (Lark streaming cards, Slack streams), segmented posts
    /// elsewhere; false posts segments everywhere.</summary>
    public bool LiveReplies { get; init; } = true;

    /// <summary>Reactions on the asker's message while the answer is made and when it is done.</summary>
    public bool Reactions { get; init; } = true;

    public static WorkerOptions From(IConfiguration configuration)
    {
        var function = configuration["AWS_LAMBDA_FUNCTION_NAME"];
        var defaults = new WorkerOptions();
        return defaults with
        {
            Concurrency = Math.Max(1, configuration.GetValue("CHATOPS_WORKER_CONCURRENCY", defaults.Concurrency)),
            QueueCapacity = Math.Max(1, configuration.GetValue("CHATOPS_WORKER_QUEUE", defaults.QueueCapacity)),
            LambdaFunctionName = string.IsNullOrWhiteSpace(function) ? null : function,
            AnswerTimeout = TimeSpan.FromSeconds(configuration.GetValue("CHATOPS_ANSWER_TIMEOUT_SECONDS", defaults.AnswerTimeout.TotalSeconds)),
            DrainTimeout = TimeSpan.FromSeconds(configuration.GetValue("CHATOPS_DRAIN_TIMEOUT_SECONDS", defaults.DrainTimeout.TotalSeconds)),
            ReplyRetryDelay = TimeSpan.FromMilliseconds(configuration.GetValue("CHATOPS_REPLY_RETRY_DELAY_MS", defaults.ReplyRetryDelay.TotalMilliseconds)),
            UserQuestionsPerMinute = Math.Max(0, configuration.GetValue("CHATOPS_USER_QUESTIONS_PER_MINUTE", defaults.UserQuestionsPerMinute)),
            LiveReplies = configuration.GetValue("CHATOPS_LIVE_REPLIES", defaults.LiveReplies),
            Reactions = configuration.GetValue("CHATOPS_REACTIONS", defaults.Reactions),
            EventsEndpointEnabled = !string.IsNullOrWhiteSpace(function) || configuration.GetValue("CHATOPS_EVENTS_ENDPOINT", false),
        };
    }
}
