namespace ChatOps.LarkBotAdapter.Worker;

// How the worker runs.
public sealed record WorkerOptions
{
    // Jobs answered at once in a long-running process.
    public int Concurrency { get; init; } = 8;

    public int QueueCapacity { get; init; } = 1000;

    // Set when running on Lambda: jobs go to an async self-invocation of this function.
    public string? LambdaFunctionName { get; init; }

    // Whether POST /events accepts jobs (on Lambda, where only the Web Adapter can reach it).
    public bool EventsEndpointEnabled { get; init; }

    // How long a claim lives: longer than the platforms' redelivery window (Lark ~7 h).
    public TimeSpan ClaimTtl { get; init; } = TimeSpan.FromHours(24);

    // How long a quiet thread keeps its context.
    public TimeSpan ThreadTtl { get; init; } = TimeSpan.FromDays(7);

    // Turns of a thread remembered for follow-ups.
    public int MaxThreadTurns { get; init; } = 12;

    // Longest time to classify and answer one turn (below Lambda's 600 s timeout, leaving time to say so).
    public TimeSpan AnswerTimeout { get; init; } = TimeSpan.FromMinutes(9);

    // First wait before re-posting a refused reply (then ×5, three times), after the HTTP client's own retries.
    public TimeSpan ReplyRetryDelay { get; init; } = TimeSpan.FromSeconds(2);

    // Longest time the ingress spends telling the asker it cannot take a message (the ack must stay within the
    // platforms' 3 s).
    public TimeSpan NoticeTimeout { get; init; } = TimeSpan.FromSeconds(1);

    // How long a job's lease on /events lasts without renewal; renewed at a third of it while the job
    // runs. A retry of a crashed run (Lambda waits at least a minute) finds it expired and takes the job over.
    public TimeSpan JobLeaseTime { get; init; } = TimeSpan.FromSeconds(30);

    // On shutdown outside Lambda: how long running and queued jobs may still take before they are cut short
    // (with a notice in their threads). Below the host's shutdown timeout, so the notices still go out.
    public TimeSpan DrainTimeout { get; init; } = TimeSpan.FromSeconds(20);

    // Questions one user may ask per minute before being asked to wait (0 = no limit).
    public int UserQuestionsPerMinute { get; init; } = 6;

    // Answers shown live where the platform can (Lark streaming cards, Slack streams), segmented posts
    // elsewhere; false posts segments everywhere.
    public bool LiveReplies { get; init; } = true;

    // Reactions on the asker's message while the answer is made and when it is done.
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
