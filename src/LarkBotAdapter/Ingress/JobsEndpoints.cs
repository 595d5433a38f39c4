using ChatOps.LarkBotAdapter.Alarms;
using ChatOps.LarkBotAdapter.Conversations;
using ChatOps.LarkBotAdapter.Jobs;

namespace ChatOps.LarkBotAdapter.Ingress;

// POST /events: jobs from the Lambda Web Adapter (async self-invocations). Answered when the job is done:
// a 5xx fails the invocation so Lambda retries it (replies are idempotent) and finally sends it to the on-failure
// destination. LeasedJobRunner makes a second delivery of a running or finished job end at once. Disabled outside
// Lambda unless CHATOPS_EVENTS_ENDPOINT=true. SNS events (CloudWatch alarms) arrive here too, told apart by their shape
// ({"Records":[{"EventSource":"aws:sns",…}]}) and answered as soon as their jobs are handed off (AlarmIngress).
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
        PlatformRequest request, ChatChannels channels, LeasedJobRunner runner, AlarmIngress alarms, CancellationToken cancellationToken)
    {
        if (SnsEventReader.IsSnsEvent(request.Body))
        {
            return await alarms.AdmitAsync(request.Body, cancellationToken) switch
            {
                (AlarmAdmission.Accepted, _) => TypedResults.Json(new AckResponse(), HttpJsonContext.Default.AckResponse),
                (AlarmAdmission.Malformed, var why) => PlatformReplies.Error(StatusCodes.Status400BadRequest, why ?? "malformed SNS event"),
                _ => PlatformReplies.Error(StatusCodes.Status500InternalServerError, "alarm not handed off; Lambda will retry the event"),
            };
        }
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
