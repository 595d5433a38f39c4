namespace ChatOps.LarkBotAdapter.Jobs;

// How the worker runs.
public sealed record WorkerOptions
{
    // Jobs answered at once in a long-running process.
    public int Concurrency { get; set; } = 8;

    public int QueueCapacity { get; set; } = 1000;

    // Set when running on Lambda: jobs go to an async self-invocation of this function.
    public string? LambdaFunctionName { get; set; }

    // Whether POST /events accepts jobs (on Lambda, where only the Web Adapter can reach it).
    public bool EventsEndpointEnabled { get; set; }

    // How long a claim lives: longer than the platforms' redelivery window (Lark ~7 h).
    public TimeSpan ClaimTtl { get; set; } = TimeSpan.FromHours(24);

    // How long a quiet thread keeps its context.
    public TimeSpan ThreadTtl { get; set; } = TimeSpan.FromDays(7);

    // Turns of a thread remembered for follow-ups.
    public int MaxThreadTurns { get; set; } = 12;

    // Longest time to classify and answer one turn (below Lambda's 600 s timeout, leaving time to say so).
    public TimeSpan AnswerTimeout { get; set; } = TimeSpan.FromMinutes(9);

    // First wait before re-posting a refused reply (then ×5, three times), after the HTTP client's own retries.
    public TimeSpan ReplyRetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    // Longest time the ingress spends telling the asker it cannot take a message (the ack must stay within the
    // platforms' 3 s).
    public TimeSpan NoticeTimeout { get; set; } = TimeSpan.FromSeconds(1);

    // How long a job's lease on /events lasts without renewal; renewed at a third of it while the job
    // runs. A retry of a crashed run (Lambda waits at least a minute) finds it expired and takes the job over.
    public TimeSpan JobLeaseTime { get; set; } = TimeSpan.FromSeconds(30);

    // On shutdown outside Lambda: how long running and queued jobs may still take before they are cut short
    // (with a notice in their threads). Below the host's shutdown timeout, so the notices still go out.
    public TimeSpan DrainTimeout { get; set; } = TimeSpan.FromSeconds(20);

    // Questions one user may ask per minute before being asked to wait (0 = no limit).
    public int UserQuestionsPerMinute { get; set; } = 6;

    // Answers shown live where the platform can (Lark streaming cards, Slack streams), segmented posts
    // elsewhere; false posts segments everywhere.
    public bool LiveReplies { get; set; } = true;

    // Reactions on the asker's message while the answer is made and when it is done.
    public bool Reactions { get; set; } = true;

    // 👍/👎 buttons under finished live answers (recorded through the interactivity endpoints).
    public bool Feedback { get; set; } = true;

    // AWS_LAMBDA_FUNCTION_NAME: read at registration too, where it picks how jobs are handed off.
    public static string? LambdaFunctionFrom(IConfiguration configuration)
    {
        var function = configuration["AWS_LAMBDA_FUNCTION_NAME"];
        return string.IsNullOrWhiteSpace(function) ? null : function;
    }

    // Registered through AddOptions<WorkerOptions>().Configure(o => o.Load(configuration)).
    public void Load(IConfiguration configuration)
    {
        Concurrency = Math.Max(1, configuration.GetValue("CHATOPS_WORKER_CONCURRENCY", Concurrency));
        QueueCapacity = Math.Max(1, configuration.GetValue("CHATOPS_WORKER_QUEUE", QueueCapacity));
        LambdaFunctionName = LambdaFunctionFrom(configuration);
        AnswerTimeout = TimeSpan.FromSeconds(configuration.GetValue("CHATOPS_ANSWER_TIMEOUT_SECONDS", AnswerTimeout.TotalSeconds));
        DrainTimeout = TimeSpan.FromSeconds(configuration.GetValue("CHATOPS_DRAIN_TIMEOUT_SECONDS", DrainTimeout.TotalSeconds));
        ReplyRetryDelay = TimeSpan.FromMilliseconds(configuration.GetValue("CHATOPS_REPLY_RETRY_DELAY_MS", ReplyRetryDelay.TotalMilliseconds));
        UserQuestionsPerMinute = Math.Max(0, configuration.GetValue("CHATOPS_USER_QUESTIONS_PER_MINUTE", UserQuestionsPerMinute));
        LiveReplies = configuration.GetValue("CHATOPS_LIVE_REPLIES", LiveReplies);
        Reactions = configuration.GetValue("CHATOPS_REACTIONS", Reactions);
        Feedback = configuration.GetValue("CHATOPS_FEEDBACK", Feedback);
        EventsEndpointEnabled = LambdaFunctionName is not null || configuration.GetValue("CHATOPS_EVENTS_ENDPOINT", false);
    }
}
