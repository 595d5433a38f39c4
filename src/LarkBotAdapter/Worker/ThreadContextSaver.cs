using ChatOps.IntentRecognition;
using ChatOps.LarkBotAdapter.Jobs;
using ChatOps.LarkBotAdapter.State;

namespace ChatOps.LarkBotAdapter.Worker;

// Saves one turn's exchange into its thread's context without losing another turn's: the save is conditional on the
// version the turn read, and when another turn of the thread saved first, this turn's exchange and the attributes it
// changed are merged into the newer context and saved again.
internal static class ThreadContextSaver
{
    // Conditional attempts before the context is saved over (a damaged stored context reads as none and never matches).
    public const int MaxAttempts = 5;

    // loaded: the context the turn started from; exchange: its question and answer; attributes: the attributes as the
    // turn left them. Throws StateUnavailableException when the store cannot answer.
    public static async Task SaveAsync(
        IStateStore state, ThreadContext loaded, IReadOnlyList<ConversationTurn> exchange, IReadOnlyDictionary<string, string> attributes,
        WorkerOptions options, TimeProvider time, ILogger logger, string claimKey, CancellationToken cancellationToken)
    {
        var basis = loaded;
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var merged = Merge(basis, exchange, loaded.Attributes, attributes, options.MaxThreadTurns, time.GetUtcNow());
            if (await state.TrySaveThreadAsync(merged, options.ThreadTtl, cancellationToken))
            {
                return;
            }
            Log.ContextConflict(logger, claimKey, attempt);
            basis = await state.GetThreadAsync(loaded.ThreadKey, cancellationToken) ?? ThreadContext.Empty(loaded.ThreadKey, time.GetUtcNow());
        }
        Log.ContextSavedOver(logger, claimKey, MaxAttempts);
        await state.SaveThreadAsync(Merge(basis, exchange, loaded.Attributes, attributes, options.MaxThreadTurns, time.GetUtcNow()), options.ThreadTtl, cancellationToken);
    }

    // basis with the exchange appended and the attributes this turn added, changed or removed (relative to before).
    internal static ThreadContext Merge(
        ThreadContext basis, IReadOnlyList<ConversationTurn> exchange, IReadOnlyDictionary<string, string> before,
        IReadOnlyDictionary<string, string> after, int maxTurns, DateTimeOffset now)
    {
        var attributes = new Dictionary<string, string>(basis.Attributes, StringComparer.Ordinal);
        foreach (var (name, value) in after)
        {
            if (!before.TryGetValue(name, out var old) || old != value)
            {
                attributes[name] = value;
            }
        }
        foreach (var name in before.Keys.Where(k => !after.ContainsKey(k)))
        {
            attributes.Remove(name);
        }
        return basis with
        {
            Turns = basis.Turns.Concat(exchange).TakeLast(maxTurns).ToArray(),
            Attributes = attributes,
            UpdatedAt = now,
        };
    }
}
