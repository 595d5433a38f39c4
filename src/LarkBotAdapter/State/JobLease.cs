namespace ChatOps.LarkBotAdapter.State;

// What IStateStore.TryLeaseJobAsync found: the job is now ours, another run holds it, or it was answered.
public enum JobLease
{
    // This run holds the lease and answers the job.
    Acquired,

    // Another run holds an unexpired lease: this delivery is a duplicate of a running job.
    Running,

    // A run finished the job: this delivery is a duplicate of a finished job.
    Done,
}
