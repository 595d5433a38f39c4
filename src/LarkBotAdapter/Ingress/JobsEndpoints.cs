using ChatOps.LarkBotAdapter.Conversations;
using ChatOps.LarkBotAdapter.Jobs;

namespace ChatOps.LarkBotAdapter.Ingress;

// POST /events: jobs from the Lambda Web Adapter (async self-invocations). Answered when the job is done:
// a 5xx fails the invocation so Lambda retries it (replies are idempotent) and finally sends it to the on-failure
// destination. LeasedJobRunner makes a second delivery of a running or finished job end at once. Disabled outside
// Lambda unless CHATOPS_EVENTS_ENDPOINT=true.
public static class JobsEndpoints
{
    public static RouteGroupBuilder MapJobs(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/events").RequireConfigured(
            services => services.GetRequiredService<WorkerOptions>().EventsEndpointEnabled, "not found");
        group.MapPost("", HandleAsync);
        return group;
    }

    private static async Task<IResult> HandleAsync(
        PlatformRequest request, ChatChannels channels, LeasedJobRunner runner, CancellationToken cancellationToken)
    {
        if (!WorkJobReader.TryRead(request.Body, channels, out var job, out var problem))
        {
            return PlatformReplies.Error(StatusCodes.Status400BadRequest, problem);
        }
        return await runner.RunAsync(job, cancellationToken) switch
        {
            LeasedRun.Done => TypedResults.Json(new AckResponse(), HttpJsonContext.Default.AckResponse),
            LeasedRun.TooManyHops => PlatformReplies.Error(StatusCodes.Status200OK, "dropped: too many hops"),
            LeasedRun.AlreadyDone => PlatformReplies.Error(StatusCodes.Status200OK, "dropped: already answered"),
            LeasedRun.AlreadyRunning => PlatformReplies.Error(StatusCodes.Status200OK, "dropped: already running"),
            LeasedRun.TakenOver => PlatformReplies.Error(StatusCodes.Status200OK, "dropped: the job was taken over"),
            LeasedRun.StoreUnavailable => PlatformReplies.Error(StatusCodes.Status500InternalServerError, "state store unavailable; Lambda will retry the job"),
            _ => PlatformReplies.Error(StatusCodes.Status500InternalServerError, "job failed; Lambda will retry it"),
        };
    }
}
