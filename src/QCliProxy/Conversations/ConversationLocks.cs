namespace ChatOps.QCliProxy.Conversations;

// One CLI run per conversation directory at a time; the sweeper uses the same locks so it never deletes a busy one.
internal sealed class ConversationLocks
{
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public async Task<IDisposable> AcquireAsync(string key, CancellationToken ct)
    {
        var entry = Reference(key);
        try
        {
            await entry.Gate.WaitAsync(ct);
            return new Holder(this, key, entry);
        }
        catch
        {
            Unreference(key, entry);
            throw;
        }
    }

    public IDisposable? TryAcquire(string key)
    {
        var entry = Reference(key);
        if (entry.Gate.Wait(0))
        {
            return new Holder(this, key, entry);
        }

        Unreference(key, entry);
        return null;
    }

    private Entry Reference(string key)
    {
        lock (_entries)
        {
            if (!_entries.TryGetValue(key, out var entry))
            {
                entry = new Entry();
                _entries[key] = entry;
            }

            entry.References++;
            return entry;
        }
    }

    private void Unreference(string key, Entry entry)
    {
        lock (_entries)
        {
            if (--entry.References == 0)
            {
                _entries.Remove(key);
                entry.Gate.Dispose();
            }
        }
    }

    private sealed class Entry
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public int References { get; set; }
    }

    private sealed class Holder(ConversationLocks owner, string key, Entry entry) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                entry.Gate.Release();
                owner.Unreference(key, entry);
            }
        }
    }
}
