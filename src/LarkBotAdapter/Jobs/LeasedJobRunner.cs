using ChatOps.LarkBotAdapter.State;

namespace ChatOps.LarkBotAdapter.Jobs;

// Runs a delivered job at most once at a time: it holds a lease on the job's key (renewed while it runs), so a second
// delivery of a running or finished job ends at once and a delivery after a crashed run takes over.
public sealed class LeasedJobRunner(IStateStore state, JobHandlers handlers, WorkerOptions options, TimeProvider time, ILogger<LeasedJobRunner> logger)
{
    public async Task<LeasedRun> RunAsync(WorkJob job, CancellationToken cancellationToken)
    {
        if (job.Hop > WorkJob.MaxHops)
        {
            Log.RecursiveJobDropped(logger, job.Turn.ClaimKey, job.Hop);
            return LeasedRun.TooManyHops;
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
            return LeasedRun.StoreUnavailable;
        }
        if (lease != JobLease.Acquired)
        {
            Log.DuplicateJob(logger, jobKey, lease);
            return lease == JobLease.Done ? LeasedRun.AlreadyDone : LeasedRun.AlreadyRunning;
        }
        return await RunLeasedAsync(job, owner, cancellationToken);
    }

    private async Task<LeasedRun> RunLeasedAsync(WorkJob job, string owner, CancellationToken cancellationToken)
    {
        var jobKey = job.Key;
        using var lost = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var renewal = JobLeaseRenewal.Start(state, jobKey, owner, options.JobLeaseTime, time, lost, logger);
        try
        {
            await handlers.RunAsync(job, lost.Token);
            await renewal.StopAsync();
            await CompleteAsync(jobKey, owner);
            return LeasedRun.Done;
        }
        catch (OperationCanceledException) when (lost.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            // Another run took the job over (this one stopped renewing in time): it answers, this one stops.
            await renewal.StopAsync();
            return LeasedRun.TakenOver;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await renewal.StopAsync();
            Log.JobFailed(logger, jobKey, ex);
            await ReleaseAsync(jobKey, owner);
            return LeasedRun.Failed;
        }
    }

    private async Task CompleteAsync(string jobKey, string owner)
    {
        try
        {
            await state.CompleteJobAsync(jobKey, owner, options.ClaimTtl, CancellationToken.None);
        }
        catch (StateUnavailableException ex)
        {
            // Answered; a later duplicate delivery then re-runs the job, and its posted segments are skipped.
            Log.LeaseNotRenewed(logger, jobKey, ex);
        }
    }

    private async Task ReleaseAsync(string jobKey, string owner)
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
