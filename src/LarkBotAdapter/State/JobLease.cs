namespace ChatOps.LarkBotAdapter.State;

/// <summary>What <see cref="IStateStore.TryLeaseJobAsync"/> found: the job is now ours, another run holds it, or it was answered.</summary>
public enum JobLease
{
    /// <summary>This run holds the lease and answers the job.</summary>
    Acquired,

    /// <summary>Another run holds an unexpired lease: this delivery is a duplicate of a running job.</summary>
    Running,

    /// <summary>A run finished the job: this delivery is a duplicate of a finished job.</summary>
    Done,
}
