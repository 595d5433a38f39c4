using System.Text.Json;
using ChatOps.LarkBotAdapter.Conversations;
using ChatOps.LarkBotAdapter.Ingress;
using ChatOps.LarkBotAdapter.Jobs;
using ChatOps.LarkBotAdapter.State;

namespace ChatOps.LarkBotAdapter.Worker;

// POST /events: jobs from the Lambda Web Adapter (async self-invocations). Answered when the job is done:
// a 5xx fails the invocation so Lambda retries it (replies are idempotent) and finally sends it to the on-failure
// destination. Each run holds a lease on its job (renewed while it runs), so a second delivery of a running or
// finished job ends at once, and a delivery after a crashed run takes over. Disabled outside Lambda unless
// CHATOPS_EVENTS_ENDPOINT=true.
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
        PlatformRequest request, WorkerOptions options, TurnProcessor processor, ChatChannels channels, IStateStore state, TimeProvider time,
        ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(typeof(JobsEndpoints));
        WorkJob? job;
        try
        {
            job = JsonSerializer.Deserialize(request.Body, WorkJobJsonContext.Default.WorkJob);
        }
        catch (JsonException)
        {
            job = null;
        }
        if (job is not { Kind: WorkJob.TurnKind or WorkJob.ExecuteKind, Turn: not null }
            || (job.Kind == WorkJob.ExecuteKind && string.IsNullOrWhiteSpace(job.ProposalId)))
        {
            return PlatformReplies.Error(StatusCodes.Status400BadRequest, "not a chat.turn or ops.execute job");
        }
        // A job that can never be answered must not be a 500: Lambda would retry it and then keep it as a failure.
        if ((ChatTurnRules.Problem(job.Turn) ?? (channels.Has(job.Turn.Platform) ? null : "unknown platform")) is { } problem)
        {
            return PlatformReplies.Error(StatusCodes.Status400BadRequest, "not a chat.turn job: " + problem);
        }
        if (job.Hop > WorkJob.MaxHops)
        {
            Log.RecursiveJobDropped(logger, job.Turn.ClaimKey, job.Hop);
            return PlatformReplies.Error(StatusCodes.Status200OK, "dropped: too many hops");
        }
        var jobKey = job.Key;
        var owner = Guid.NewGuid().ToString("N");
        JobLease lease;
        try
        {
            lease = await state.TryLeaseJobAsync(jobKey, owner, options.JobLeaseTime, cancellationToken);
        }
        catch (StateUnavailableException ex)
        {
            Log.JobFailed(logger, jobKey, ex);
            return PlatformReplies.Error(StatusCodes.Status500InternalServerError, "state store unavailable; Lambda will retry the job");
        }
        if (lease != JobLease.Acquired)
        {
            Log.DuplicateJob(logger, jobKey, lease);
            return PlatformReplies.Error(StatusCodes.Status200OK, lease == JobLease.Done ? "dropped: already answered" : "dropped: already running");
        }
        using var lost = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var stopRenewing = new CancellationTokenSource();
        var renewing = RenewAsync(state, jobKey, owner, options.JobLeaseTime, time, lost, logger, stopRenewing.Token);
        try
        {
            await processor.ProcessAsync(job, lost.Token);
            await StopAsync(stopRenewing, renewing);
            await CompleteAsync(state, jobKey, owner, options.ClaimTtl, logger);
            return TypedResults.Json(new AckResponse(), HttpJsonContext.Default.AckResponse);
        }
        catch (OperationCanceledException) when (lost.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            // Another run took the job over (this one stopped renewing in time): it answers, this one stops.
            await StopAsync(stopRenewing, renewing);
            return PlatformReplies.Error(StatusCodes.Status200OK, "dropped: the job was taken over");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await StopAsync(stopRenewing, renewing);
            Log.JobFailed(logger, jobKey, ex);
            await ReleaseAsync(state, jobKey, owner, logger);
            return PlatformReplies.Error(StatusCodes.Status500InternalServerError, "job failed; Lambda will retry it");
        }
    }

    // Renews at a third of the lease time; a lease found lost cancels the run.
    private static async Task RenewAsync(
        IStateStore state, string jobKey, string owner, TimeSpan leaseTime, TimeProvider time, CancellationTokenSource lost, ILogger logger, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(leaseTime / 3, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                try
                {
                    if (!await state.RenewJobLeaseAsync(jobKey, owner, leaseTime, stop))
                    {
                        Log.LeaseLost(logger, jobKey);
                        await lost.CancelAsync();
                        return;
                    }
                }
                catch (StateUnavailableException ex)
                {
                    // Keep answering: the lease may lapse, and at worst a retry takes over after this run.
                    Log.LeaseNotRenewed(logger, jobKey, ex);
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The job ended.
        }
    }

    private static async Task StopAsync(CancellationTokenSource stopRenewing, Task renewing)
    {
        await stopRenewing.CancelAsync();
        await renewing;
    }

    private static async Task CompleteAsync(IStateStore state, string jobKey, string owner, TimeSpan keepFor, ILogger logger)
    {
        try
        {
            await state.CompleteJobAsync(jobKey, owner, keepFor, CancellationToken.None);
        }
        catch (StateUnavailableException ex)
        {
            // Answered; a later duplicate delivery then re-runs the job, and its posted segments are skipped.
            Log.LeaseNotRenewed(logger, jobKey, ex);
        }
    }

    private static async Task ReleaseAsync(IStateStore state, string jobKey, string owner, ILogger logger)
    {
        try
        {
            await state.ReleaseJobLeaseAsync(jobKey, owner, CancellationToken.None);
        }
        catch (StateUnavailableException ex)
        {
            // The lease lapses by itself before Lambda's retry arrives.
            Log.LeaseNotRenewed(logger, jobKey, ex);
        }
    }
}
