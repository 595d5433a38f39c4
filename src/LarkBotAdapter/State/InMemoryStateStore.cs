using System.Collections.Concurrent;
using System.Collections.Immutable;

namespace ChatOps.LarkBotAdapter.State;

// State for a single instance (local runs, tests): claims, active threads and thread contexts
// live in this process only and expire by the injected clock; a long-running process keeps at most
// maxClaims claims and maxThreads threads, dropping those closest to expiry.
public sealed partial class InMemoryStateStore(TimeProvider timeProvider, int maxClaims = InMemoryStateStore.DefaultMaxClaims, int maxThreads = InMemoryStateStore.DefaultMaxThreads)
    : IStateStore
{
    // Claims kept at most (about 200 bytes each); a redelivery this many messages later could be answered again.
    public const int DefaultMaxClaims = 200_000;

    // Threads kept at most, for follow-ups (context with the last turns, a few KB each).
    public const int DefaultMaxThreads = 20_000;

    // How often writes sweep expired entries, so memory stays bounded by what is alive.
    public static readonly TimeSpan SweepInterval = TimeSpan.FromMinutes(1);

    // Writes between two checks of the caps, so a burst cannot outgrow them within a sweep interval.
    public const int WritesPerCapCheck = 1024;

    private readonly ConcurrentDictionary<string, StoredClaim> _claims = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, StoredLease> _leases = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _activeThreads = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, StoredThread> _threads = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, StoredSegments> _segments = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, StoredWindow> _windows = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, StoredVote> _votes = new(StringComparer.Ordinal);
    private long _lastSweepTicks = timeProvider.GetUtcNow().UtcTicks;
    private int _writesSinceCapCheck;
    private int _trimming;

    // Live and not yet swept entries, for tests of the sweep.
    internal int EntryCount => _claims.Count + _activeThreads.Count + _threads.Count + _segments.Count + _leases.Count + _windows.Count + _votes.Count;

    public Task<bool> TryClaimAsync(string claimKey, string owner, TimeSpan ttl, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(claimKey);
        ArgumentException.ThrowIfNullOrEmpty(owner);
        cancellationToken.ThrowIfCancellationRequested();
        var now = timeProvider.GetUtcNow();
        SweepIfDue(now);
        var claim = new StoredClaim(owner, now + ttl);
        while (true)
        {
            if (_claims.TryAdd(claimKey, claim))
            {
                return Task.FromResult(true);
            }

            if (_claims.TryGetValue(claimKey, out var existing))
            {
                if (existing.ExpiresAt > now)
                {
                    return Task.FromResult(false);
                }

                // Compare-and-swap: of several callers replacing the same expired claim, one wins.
                if (_claims.TryUpdate(claimKey, claim, existing))
                {
                    return Task.FromResult(true);
                }
            }
        }
    }

    public Task ReleaseClaimAsync(string claimKey, string owner, CancellationToken cancellationToken)
    {
        if (_claims.TryGetValue(claimKey, out var existing) && existing.Owner == owner)
        {
            _claims.TryRemove(new KeyValuePair<string, StoredClaim>(claimKey, existing));
        }

        return Task.CompletedTask;
    }

    public Task<JobLease> TryLeaseJobAsync(string jobKey, string owner, TimeSpan leaseFor, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(jobKey);
        ArgumentException.ThrowIfNullOrEmpty(owner);
        cancellationToken.ThrowIfCancellationRequested();
        var now = timeProvider.GetUtcNow();
        SweepIfDue(now);
        var lease = new StoredLease(owner, Done: false, now + leaseFor);
        while (true)
        {
            if (_leases.TryAdd(jobKey, lease))
            {
                return Task.FromResult(JobLease.Acquired);
            }

            if (_leases.TryGetValue(jobKey, out var existing))
            {
                if (existing.Done && existing.ExpiresAt > now)
                {
                    return Task.FromResult(JobLease.Done);
                }

                if (!existing.Done && existing.ExpiresAt > now)
                {
                    return Task.FromResult(existing.Owner == owner ? JobLease.Acquired : JobLease.Running);
                }

                // The run that held it stopped renewing (it crashed) or the record expired: take it over.
                if (_leases.TryUpdate(jobKey, lease, existing))
                {
                    return Task.FromResult(JobLease.Acquired);
                }
            }
        }
    }

    public Task<bool> RenewJobLeaseAsync(string jobKey, string owner, TimeSpan leaseFor, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var renewed = _leases.TryGetValue(jobKey, out var existing) && existing is { Done: false } && existing.Owner == owner
                      && _leases.TryUpdate(jobKey, existing with { ExpiresAt = now + leaseFor }, existing);
        return Task.FromResult(renewed);
    }

    public Task CompleteJobAsync(string jobKey, string owner, TimeSpan keepFor, CancellationToken cancellationToken)
    {
        if (_leases.TryGetValue(jobKey, out var existing) && existing.Owner == owner)
        {
            _leases.TryUpdate(jobKey, existing with { Done = true, ExpiresAt = timeProvider.GetUtcNow() + keepFor }, existing);
        }

        return Task.CompletedTask;
    }

    public Task ReleaseJobLeaseAsync(string jobKey, string owner, CancellationToken cancellationToken)
    {
        if (_leases.TryGetValue(jobKey, out var existing) && existing is { Done: false } && existing.Owner == owner)
        {
            _leases.TryRemove(new KeyValuePair<string, StoredLease>(jobKey, existing));
        }

        return Task.CompletedTask;
    }

    public Task MarkThreadActiveAsync(string threadKey, TimeSpan ttl, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(threadKey);
        cancellationToken.ThrowIfCancellationRequested();
        var now = timeProvider.GetUtcNow();
        SweepIfDue(now);
        _activeThreads[threadKey] = now + ttl;
        return Task.CompletedTask;
    }

    public Task<bool> IsThreadActiveAsync(string threadKey, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(threadKey);
        cancellationToken.ThrowIfCancellationRequested();
        var active = _activeThreads.TryGetValue(threadKey, out var expiresAt) && expiresAt > timeProvider.GetUtcNow();
        return Task.FromResult(active);
    }

    public Task<ThreadContext?> GetThreadAsync(string threadKey, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(threadKey);
        cancellationToken.ThrowIfCancellationRequested();
        var found = _threads.TryGetValue(threadKey, out var stored) && stored.ExpiresAt > timeProvider.GetUtcNow();
        return Task.FromResult(found ? stored!.Context : null);
    }

    public Task SaveThreadAsync(ThreadContext thread, TimeSpan ttl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(thread);
        ArgumentException.ThrowIfNullOrEmpty(thread.ThreadKey);
        cancellationToken.ThrowIfCancellationRequested();
        var now = timeProvider.GetUtcNow();
        SweepIfDue(now);
        // Copy so later changes to the caller's collections cannot alter what was saved.
        var copy = thread with
        {
            Turns = [.. thread.Turns],
            Attributes = new Dictionary<string, string>(thread.Attributes, StringComparer.Ordinal),
        };
        _threads[thread.ThreadKey] = new StoredThread(copy, now + ttl);
        return Task.CompletedTask;
    }

    public Task<bool> TrySaveThreadAsync(ThreadContext thread, TimeSpan ttl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(thread);
        ArgumentException.ThrowIfNullOrEmpty(thread.ThreadKey);
        cancellationToken.ThrowIfCancellationRequested();
        var now = timeProvider.GetUtcNow();
        SweepIfDue(now);
        var copy = new StoredThread(
            thread with
            {
                Turns = [.. thread.Turns],
                Attributes = new Dictionary<string, string>(thread.Attributes, StringComparer.Ordinal),
                Version = thread.Version + 1,
            },
            now + ttl);
        // Compare-and-swap on the entry seen: of two saves read at the same version, one wins.
        if (!_threads.TryGetValue(thread.ThreadKey, out var current))
        {
            return Task.FromResult(thread.Version == 0 && _threads.TryAdd(thread.ThreadKey, copy));
        }
        var currentVersion = current.ExpiresAt > now ? current.Context.Version : 0;
        return Task.FromResult(currentVersion == thread.Version && _threads.TryUpdate(thread.ThreadKey, copy, current));
    }

    public Task<IReadOnlyDictionary<int, string>> GetPostedSegmentsAsync(string jobKey, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(jobKey);
        cancellationToken.ThrowIfCancellationRequested();
        var found = _segments.TryGetValue(jobKey, out var stored) && stored.ExpiresAt > timeProvider.GetUtcNow();
        return Task.FromResult<IReadOnlyDictionary<int, string>>(found ? stored!.Posted : ImmutableDictionary<int, string>.Empty);
    }

    public Task RecordPostedSegmentAsync(string jobKey, int index, string messageRef, TimeSpan ttl, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(jobKey);
        ArgumentNullException.ThrowIfNull(messageRef);
        cancellationToken.ThrowIfCancellationRequested();
        var now = timeProvider.GetUtcNow();
        SweepIfDue(now);
        _segments.AddOrUpdate(
            jobKey,
            static (_, state) => new StoredSegments(ImmutableDictionary<int, string>.Empty.SetItem(state.index, state.messageRef), state.expiresAt),
            static (_, old, state) => new StoredSegments(
                (old.ExpiresAt > state.now ? old.Posted : ImmutableDictionary<int, string>.Empty).SetItem(state.index, state.messageRef),
                state.expiresAt),
            (index, messageRef, expiresAt: now + ttl, now));
        return Task.CompletedTask;
    }

    public Task<int> CountInWindowAsync(string windowKey, string member, int cap, TimeSpan ttl, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(windowKey);
        ArgumentException.ThrowIfNullOrEmpty(member);
        ArgumentOutOfRangeException.ThrowIfLessThan(cap, 1);
        cancellationToken.ThrowIfCancellationRequested();
        var now = timeProvider.GetUtcNow();
        SweepIfDue(now);
        var window = _windows.AddOrUpdate(
            windowKey,
            static (_, state) => new StoredWindow([state.member], state.expiresAt),
            static (_, old, state) => old.ExpiresAt <= state.now ? new StoredWindow([state.member], state.expiresAt)
                : old.Members.Contains(state.member) || old.Members.Count >= state.cap ? old
                : old with { Members = old.Members.Add(state.member) },
            (member, cap, expiresAt: now + ttl, now));
        return Task.FromResult(window.Members.Contains(member) ? window.Members.Count : cap);
    }

    private void SweepIfDue(DateTimeOffset now)
    {
        if (Interlocked.Increment(ref _writesSinceCapCheck) >= WritesPerCapCheck && Interlocked.Exchange(ref _trimming, 1) == 0)
        {
            Volatile.Write(ref _writesSinceCapCheck, 0);
            TrimToCap(_claims, static claim => claim.ExpiresAt, maxClaims);
            TrimToCap(_leases, static lease => lease.ExpiresAt, maxClaims);
            TrimToCap(_activeThreads, static expiresAt => expiresAt, maxThreads);
            TrimToCap(_threads, static stored => stored.ExpiresAt, maxThreads);
            TrimToCap(_segments, static stored => stored.ExpiresAt, maxClaims);
            TrimToCap(_windows, static stored => stored.ExpiresAt, maxClaims);
            TrimToCap(_votes, static stored => stored.ExpiresAt, maxClaims);
            Volatile.Write(ref _trimming, 0);
        }

        var last = Interlocked.Read(ref _lastSweepTicks);
        if (now.UtcTicks - last < SweepInterval.Ticks
            || Interlocked.CompareExchange(ref _lastSweepTicks, now.UtcTicks, last) != last)
        {
            return;
        }

        Sweep(_claims, static claim => claim.ExpiresAt, now);
        Sweep(_leases, static lease => lease.ExpiresAt, now);
        Sweep(_activeThreads, static expiresAt => expiresAt, now);
        Sweep(_threads, static stored => stored.ExpiresAt, now);
        Sweep(_segments, static stored => stored.ExpiresAt, now);
        Sweep(_windows, static stored => stored.ExpiresAt, now);
        Sweep(_votes, static stored => stored.ExpiresAt, now);
    }

    // Over the cap, drop the entries closest to expiry down to 90% of it, so the next trim is a while away.
    private static void TrimToCap<T>(ConcurrentDictionary<string, T> entries, Func<T, DateTimeOffset> expiry, int cap)
    {
        var excess = entries.Count - (cap - (cap / 10));
        if (entries.Count <= cap || excess <= 0)
        {
            return;
        }

        foreach (var entry in entries.ToArray().OrderBy(e => expiry(e.Value)).Take(excess))
        {
            entries.TryRemove(entry);
        }
    }

    private static void Sweep<T>(ConcurrentDictionary<string, T> entries, Func<T, DateTimeOffset> expiry, DateTimeOffset now)
    {
        foreach (var entry in entries)
        {
            if (expiry(entry.Value) <= now)
            {
                // Removes only the exact entry seen, never one a concurrent writer just renewed.
                entries.TryRemove(entry);
            }
        }
    }

    public Task<string?> RecordVoteAsync(AnswerVote vote, TimeSpan ttl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(vote);
        ArgumentException.ThrowIfNullOrEmpty(vote.AnswerKey);
        ArgumentException.ThrowIfNullOrEmpty(vote.Voter);
        cancellationToken.ThrowIfCancellationRequested();
        var now = timeProvider.GetUtcNow();
        SweepIfDue(now);
        string? previous = null;
        _votes.AddOrUpdate(
            vote.AnswerKey + "\n" + vote.Voter,
            _ => new StoredVote(vote, now + ttl),
            (_, old) =>
            {
                previous = old.ExpiresAt > now ? old.Vote.Vote : null;
                return new StoredVote(vote, now + ttl);
            });
        return Task.FromResult(previous);
    }

    // Votes kept, for tests.
    internal IReadOnlyList<AnswerVote> Votes(DateTimeOffset now) =>
        _votes.Values.Where(v => v.ExpiresAt > now).Select(v => v.Vote).ToArray();

    private sealed record StoredClaim(string Owner, DateTimeOffset ExpiresAt);

    private sealed record StoredLease(string Owner, bool Done, DateTimeOffset ExpiresAt);

    private sealed record StoredThread(ThreadContext Context, DateTimeOffset ExpiresAt);

    private sealed record StoredWindow(ImmutableHashSet<string> Members, DateTimeOffset ExpiresAt);

    private sealed record StoredVote(AnswerVote Vote, DateTimeOffset ExpiresAt);

    private sealed record StoredSegments(ImmutableDictionary<int, string> Posted, DateTimeOffset ExpiresAt);
}
