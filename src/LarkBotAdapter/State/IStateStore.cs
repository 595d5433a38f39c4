namespace ChatOps.LarkBotAdapter.State;

/// <summary>Claims (exactly-once) and thread context, shared by every instance of the app.</summary>
public interface IStateStore
{
    /// <summary>Claims <paramref name="claimKey"/> for <paramref name="ttl"/>. True for exactly one caller
    /// across all instances while the claim lives; false for every later or concurrent caller.
    /// Throws <see cref="StateUnavailableException"/> when the store cannot answer (callers fail closed).</summary>
    Task<bool> TryClaimAsync(string claimKey, TimeSpan ttl, CancellationToken cancellationToken);

    /// <summary>Gives a claim up (the hand-off failed), so the platform's redelivery is answered.</summary>
    Task ReleaseClaimAsync(string claimKey, CancellationToken cancellationToken);

    /// <summary>Marks a thread as one the bot is answering, so follow-ups without an @mention are handled.</summary>
    Task MarkThreadActiveAsync(string threadKey, TimeSpan ttl, CancellationToken cancellationToken);

    /// <summary>Whether the bot is answering this thread.</summary>
    Task<bool> IsThreadActiveAsync(string threadKey, CancellationToken cancellationToken);

    /// <summary>The thread's remembered context, or null.</summary>
    Task<ThreadContext?> GetThreadAsync(string threadKey, CancellationToken cancellationToken);

    /// <summary>Saves (replaces) the thread's context; it expires after <paramref name="ttl"/> without updates.</summary>
    Task SaveThreadAsync(ThreadContext thread, TimeSpan ttl, CancellationToken cancellationToken);
}
