namespace ChatOps.LarkBotAdapter.Jobs;

// Picks the handler of a job's kind. ops.execute has one only where the ops route is configured (no proposal exists
// without it); a job of a kind nobody handles fails like any other failed job.
public sealed class JobHandlers(IEnumerable<IJobHandler> handlers)
{
    public Task RunAsync(WorkJob job, CancellationToken cancellationToken, CancellationToken stopping = default) =>
        (handlers.LastOrDefault(h => h.Kind == job.Kind)
         ?? throw new InvalidOperationException($"No handler is registered for job kind '{job.Kind}'."))
        .HandleAsync(job, cancellationToken, stopping);
}
