namespace ChatOps.LarkBotAdapter.State;

/// <summary>Claims (exactly-once), thread context and posted-reply records, shared by every instance of the app.</summary>
public interface IStateStore
{
    /// <summary>Claims <paramref name="claimKey"/> for <paramref name="ttl"/> as <paramref name="owner"/>. True for exactly
    /// one caller across all instances while the claim lives; false for every later or concurrent caller.
    /// Throws <see cref="StateUnavailableException"/> when the store cannot answer (callers fail closed).</summary>
    Task<bool> TryClaimAsync(string claimKey, string owner, TimeSpan ttl, CancellationToken cancellationToken);

    /// <summary>Gives a claim up (the hand-off failed), so the platform's redelivery is answered; only when
    /// <paramref name="owner"/> still holds it, never a claim another delivery took since.</summary>
    Task ReleaseClaimAsync(string claimKey, string owner, CancellationToken cancellationToken);

    /// <summary>Takes the lease on running job <paramref name="jobKey"/> for <paramref name="leaseFor"/>: acquired when no
    /// run holds it (or the run that did stopped renewing it), otherwise who has it or that the job is done.</summary>
    Task<JobLease> TryLeaseJobAsync(string jobKey, string owner, TimeSpan leaseFor, CancellationToken cancellationToken);

    /// <summary>Extends <paramref name="owner"/>'s lease; false when it lost it (another run took the job over).</summary>
    Task<bool> RenewJobLeaseAsync(string jobKey, string owner, TimeSpan leaseFor, CancellationToken cancellationToken);

    /// <summary>Marks the job done for <paramref name="keepFor"/>, so a later delivery of it ends at once.</summary>
    Task CompleteJobAsync(string jobKey, string owner, TimeSpan keepFor, CancellationToken cancellationToken);

    /// <summary>Gives the lease up (the run failed), so the retried delivery takes the job at once.</summary>
    Task ReleaseJobLeaseAsync(string jobKey, string owner, CancellationToken cancellationToken);

    /// <summary>Marks a thread as one the bot is answering, so follow-ups without an @mention are handled.</summary>
    Task MarkThreadActiveAsync(string threadKey, TimeSpan ttl, CancellationToken cancellationToken);

    /// <summary>Whether the bot is answering this thread.</summary>
    Task<bool> IsThreadActiveAsync(string threadKey, CancellationToken cancellationToken);

    /// <summary>The thread's remembered context, or null.</summary>
    Task<ThreadContext?> GetThreadAsync(string threadKey, CancellationToken cancellationToken);

    /// <summary>Saves (replaces) the thread's context; it expires after <paramref name="ttl"/> without updates.</summary>
    Task SaveThreadAsync(ThreadContext thread, TimeSpan ttl, CancellationToken cancellationToken);

    /// <summary>The reply segments of job <paramref name="jobKey"/> already posted, each with the platform's id for the
    /// message (e.g. a Slack ts). For platforms without an idempotency key: a retried job skips these and continues
    /// after the last one. Empty when nothing was recorded or the record expired.</summary>
    Task<IReadOnlyDictionary<int, string>> GetPostedSegmentsAsync(string jobKey, CancellationToken cancellationToken);

    /// <summary>Records that segment <paramref name="index"/> of job <paramref name="jobKey"/> was posted as
    /// <paramref name="messageRef"/>; the job's record expires <paramref name="ttl"/> after its latest write.</summary>
    Task RecordPostedSegmentAsync(string jobKey, int index, string messageRef, TimeSpan ttl, CancellationToken cancellationToken);

    /// <summary>Adds <paramref name="member"/> (e.g. a message's claim key) to the window <paramref name="windowKey"/>, which
    /// expires <paramref name="ttl"/> after its first member, and returns how many members the window holds. Adding a member
    /// again counts it once (a retried job is not counted twice). A window holds at most <paramref name="cap"/> members;
    /// a new member of a full window is not stored and <paramref name="cap"/> is returned.</summary>
    Task<int> CountInWindowAsync(string windowKey, string member, int cap, TimeSpan ttl, CancellationToken cancellationToken);
}
