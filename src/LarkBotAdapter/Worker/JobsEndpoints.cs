using System.Text.Json;
using ChatOps.LarkBotAdapter.Conversations;
using ChatOps.LarkBotAdapter.Ingress;

namespace ChatOps.LarkBotAdapter.Worker;

/// <summary><c>POST /events</c>: jobs from the Lambda Web Adapter (async self-invocations). Answered when the job is done:
/// a 5xx fails the invocation so Lambda retries it (replies are idempotent) and finally sends it to the on-failure
/// destination. Disabled outside Lambda unless <c>CHATOPS_EVENTS_ENDPOINT=true</c>.</summary>
public static partial class JobsEndpoints
{
    public static RouteGroupBuilder MapJobs(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/events");
        group.MapPost("", HandleAsync);
        return group;
    }

    private static async Task<IResult> HandleAsync(
        HttpRequest request, WorkerOptions options, TurnProcessor processor, ChatChannels channels, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(typeof(JobsEndpoints));
        if (!options.EventsEndpointEnabled)
        {
            return IngressResults.Error(StatusCodes.Status404NotFound, "not found");
        }
        var body = await RequestBody.ReadAsync(request, RequestBody.MaxBytes, cancellationToken);
        if (body is null)
        {
            return IngressResults.TooLarge();
        }
        WorkJob? job;
        try
        {
            job = JsonSerializer.Deserialize(body, WorkJobJsonContext.Default.WorkJob);
        }
        catch (JsonException)
        {
            job = null;
        }
        if (job is not { Kind: WorkJob.TurnKind, Turn: not null })
        {
            return IngressResults.Error(StatusCodes.Status400BadRequest, "not a chat.turn job");
        }
        // A job that can never be answered must not be a 500: Lambda would retry it and then keep it as a failure.
        if ((ChatTurnRules.Problem(job.Turn) ?? (channels.Has(job.Turn.Platform) ? null : "unknown platform")) is { } problem)
        {
            return IngressResults.Error(StatusCodes.Status400BadRequest, "not a chat.turn job: " + problem);
        }
        if (job.Hop > WorkJob.MaxHops)
        {
            Log.RecursiveJobDropped(logger, job.Turn.ClaimKey, job.Hop);
            return IngressResults.Error(StatusCodes.Status200OK, "dropped: too many hops");
        }
        try
        {
            await processor.ProcessAsync(job, cancellationToken);
            return TypedResults.Json(new AckResponse(), HttpJsonContext.Default.AckResponse);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.JobFailed(logger, job.Turn.ClaimKey, ex);
            return IngressResults.Error(StatusCodes.Status500InternalServerError, "job failed; Lambda will retry it");
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 3101, Level = LogLevel.Warning, Message = "Job {ClaimKey} dropped: hop {Hop} would recurse")]
        public static partial void RecursiveJobDropped(ILogger logger, string claimKey, int hop);

        [LoggerMessage(EventId = 3102, Level = LogLevel.Error, Message = "Job {ClaimKey} failed; answering 500 so Lambda retries it")]
        public static partial void JobFailed(ILogger logger, string claimKey, Exception exception);
    }
}
