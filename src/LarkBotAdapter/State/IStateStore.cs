namespace ChatOps.LarkBotAdapter.State;

// Claims (exactly-once), thread context and posted-reply records, shared by every instance of the app.
public interface IStateStore
{
    // Claims claimKey for ttl as owner. True for exactly
    // one caller across all instances while the claim lives; false for every later or concurrent caller.
    // Throws StateUnavailableException when the store cannot answer (callers fail closed).
    Task<bool> TryClaimAsync(string claimKey, string owner, TimeSpan ttl, CancellationToken cancellationToken);

    // Gives a claim up (the hand-off failed), so the platform's redelivery is answered; only when
    // owner still holds it, never a claim another delivery took since.
    Task ReleaseClaimAsync(string claimKey, string owner, CancellationToken cancellationToken);

    // Takes the lease on running job jobKey for leaseFor: acquired when no
    // run holds it (or the run that did stopped renewing it), otherwise who has it or that the job is done.
    Task<JobLease> TryLeaseJobAsync(string jobKey, string owner, TimeSpan leaseFor, CancellationToken cancellationToken);

    // Extends owner's lease; false when it lost it (another run took the job over).
    Task<bool> RenewJobLeaseAsync(string jobKey, string owner, TimeSpan leaseFor, CancellationToken cancellationToken);

    // Marks the job done for keepFor, so a later delivery of it ends at once.
    Task CompleteJobAsync(string jobKey, string owner, TimeSpan keepFor, CancellationToken cancellationToken);

    // Gives the lease up (the run failed), so the retried delivery takes the job at once.
    Task ReleaseJobLeaseAsync(string jobKey, string owner, CancellationToken cancellationToken);

    // Marks a thread as one the bot is answering, so follow-ups without an @mention are handled.
    Task MarkThreadActiveAsync(string threadKey, TimeSpan ttl, CancellationToken cancellationToken);

    // Whether the bot is answering this thread.
    Task<bool> IsThreadActiveAsync(string threadKey, CancellationToken cancellationToken);

    // The thread's remembered context, or null.
    Task<ThreadContext?> GetThreadAsync(string threadKey, CancellationToken cancellationToken);

    // Saves (replaces) the thread's context whatever is stored; it expires after ttl without updates.
    Task SaveThreadAsync(ThreadContext thread, TimeSpan ttl, CancellationToken cancellationToken);

    // Saves the thread's context only if the stored one still has thread.Version (0: nothing stored, or it expired);
    // the stored copy then has Version + 1. False, and nothing written, when another turn saved first: reload and merge.
    Task<bool> TrySaveThreadAsync(ThreadContext thread, TimeSpan ttl, CancellationToken cancellationToken);

    // The reply segments of job jobKey already posted, each with the platform's id for the
    // message (e.g. a Slack ts). For platforms without an idempotency key: a retried job skips these and continues
    // after the last one. Empty when nothing was recorded or the record expired.
    Task<IReadOnlyDictionary<int, string>> GetPostedSegmentsAsync(string jobKey, CancellationToken cancellationToken);

    // Records that segment index of job jobKey was posted as
    // messageRef; the job's record expires ttl after its latest write.
    Task RecordPostedSegmentAsync(string jobKey, int index, string messageRef, TimeSpan ttl, CancellationToken cancellationToken);

    // Adds member (e.g. a message's claim key) to the window windowKey, which
    // expires ttl after its first member, and returns how many members the window holds. Adding a member
    // again counts it once (a retried job is not counted twice). A window holds at most cap members;
    // a new member of a full window is not stored and cap is returned.
    Task<int> CountInWindowAsync(string windowKey, string member, int cap, TimeSpan ttl, CancellationToken cancellationToken);

    // Keeps vote (one per voter and answer: a second click replaces the first) for ttl, and returns
    // the vote it replaced ("up", "down") or null when this voter had not voted on this answer.
    Task<string?> RecordVoteAsync(AnswerVote vote, TimeSpan ttl, CancellationToken cancellationToken);
}
