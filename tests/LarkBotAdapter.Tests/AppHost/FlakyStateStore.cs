using ChatOps.LarkBotAdapter.State;

namespace ChatOps.LarkBotAdapter.Tests.AppHost;

/// <summary>An in-memory store whose operations can be made to fail like an unreachable DynamoDB.</summary>
public sealed class FlakyStateStore(TimeProvider time) : IStateStore
{
    private readonly InMemoryStateStore _inner = new(time);

    public FlakyStateStore()
        : this(TimeProvider.System)
    {
    }

    /// <summary>The store behind the failures, for setting up and checking what was kept.</summary>
    public InMemoryStateStore Inner => _inner;

    public bool FailClaims { get; set; }

    public bool FailThreadReads { get; set; }

    public bool FailThreadMarks { get; set; }

    public bool FailPostedReads { get; set; }

    public bool FailPostedWrites { get; set; }

    public Task<bool> TryClaimAsync(string claimKey, string owner, TimeSpan ttl, CancellationToken cancellationToken) =>
        FailClaims ? Task.FromException<bool>(Unavailable()) : _inner.TryClaimAsync(claimKey, owner, ttl, cancellationToken);

    public Task ReleaseClaimAsync(string claimKey, string owner, CancellationToken cancellationToken) => _inner.ReleaseClaimAsync(claimKey, owner, cancellationToken);

    public Task<JobLease> TryLeaseJobAsync(string jobKey, string owner, TimeSpan leaseFor, CancellationToken cancellationToken) =>
        _inner.TryLeaseJobAsync(jobKey, owner, leaseFor, cancellationToken);

    public Task<bool> RenewJobLeaseAsync(string jobKey, string owner, TimeSpan leaseFor, CancellationToken cancellationToken) =>
        _inner.RenewJobLeaseAsync(jobKey, owner, leaseFor, cancellationToken);

    public Task CompleteJobAsync(string jobKey, string owner, TimeSpan keepFor, CancellationToken cancellationToken) =>
        _inner.CompleteJobAsync(jobKey, owner, keepFor, cancellationToken);

    public Task ReleaseJobLeaseAsync(string jobKey, string owner, CancellationToken cancellationToken) =>
        _inner.ReleaseJobLeaseAsync(jobKey, owner, cancellationToken);

    public Task MarkThreadActiveAsync(string threadKey, TimeSpan ttl, CancellationToken cancellationToken) =>
        FailThreadMarks ? Task.FromException(Unavailable()) : _inner.MarkThreadActiveAsync(threadKey, ttl, cancellationToken);

    public Task<bool> IsThreadActiveAsync(string threadKey, CancellationToken cancellationToken) =>
        FailThreadReads ? Task.FromException<bool>(Unavailable()) : _inner.IsThreadActiveAsync(threadKey, cancellationToken);

    public Task<ThreadContext?> GetThreadAsync(string threadKey, CancellationToken cancellationToken) =>
        FailThreadReads ? Task.FromException<ThreadContext?>(Unavailable()) : _inner.GetThreadAsync(threadKey, cancellationToken);

    public Task SaveThreadAsync(ThreadContext thread, TimeSpan ttl, CancellationToken cancellationToken) =>
        _inner.SaveThreadAsync(thread, ttl, cancellationToken);

    public Task<bool> TrySaveThreadAsync(ThreadContext thread, TimeSpan ttl, CancellationToken cancellationToken) =>
        _inner.TrySaveThreadAsync(thread, ttl, cancellationToken);

    public Task<IReadOnlyDictionary<int, string>> GetPostedSegmentsAsync(string jobKey, CancellationToken cancellationToken) =>
        FailPostedReads ? Task.FromException<IReadOnlyDictionary<int, string>>(Unavailable()) : _inner.GetPostedSegmentsAsync(jobKey, cancellationToken);

    public Task RecordPostedSegmentAsync(string jobKey, int index, string messageRef, TimeSpan ttl, CancellationToken cancellationToken) =>
        FailPostedWrites ? Task.FromException(Unavailable()) : _inner.RecordPostedSegmentAsync(jobKey, index, messageRef, ttl, cancellationToken);

    public Task<int> CountInWindowAsync(string windowKey, string member, int cap, TimeSpan ttl, CancellationToken cancellationToken) =>
        _inner.CountInWindowAsync(windowKey, member, cap, ttl, cancellationToken);

    private static StateUnavailableException Unavailable() => new("DynamoDB state table 'test' is unavailable (ConnectionError).");

    public bool FailVotes { get; set; }

    public Task<string?> RecordVoteAsync(AnswerVote vote, TimeSpan ttl, CancellationToken cancellationToken) =>
        FailVotes ? Task.FromException<string?>(Unavailable()) : _inner.RecordVoteAsync(vote, ttl, cancellationToken);
}
