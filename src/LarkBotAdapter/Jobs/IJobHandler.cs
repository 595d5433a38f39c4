namespace ChatOps.LarkBotAdapter.Jobs;

// Runs the jobs of one kind (WorkJob.Kind): the answer handler in Worker/, the execute handler in Approvals/.
// A new kind of job is a new handler registered beside its area; the dispatchers, the lease and /events stay as they are.
public interface IJobHandler
{
    string Kind { get; }

    // Throws only when the job should run again (replies are idempotent). stopping: the process is shutting down, so a
    // long job ends early with a notice.
    Task HandleAsync(WorkJob job, CancellationToken cancellationToken, CancellationToken stopping);
}
