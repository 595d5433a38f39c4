using ChatOps.QCliProxy.Configuration;
using ChatOps.QCliProxy.Hosting;

namespace ChatOps.QCliProxy.Conversations;

// One CLI run per conversation directory at a time, across every proxy sharing QCLI_STATE_DIR: first this process's
// own queue (a semaphore, so its waiters take turns), then the conversation's lease file under .leases (FileLease),
// which another instance may hold. The sweeper uses the same locks so it never deletes a busy one.
internal sealed class ConversationLocks(ProxyOptions options, TimeProvider time)
{
    public const string LeaseFolder = ".leases";

    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Lazy<string> _leases = new(() => FileLease.PrepareFolder(Path.Join(Path.GetFullPath(options.StateDirectory), LeaseFolder)));

    public async Task<IDisposable> AcquireAsync(string key, CancellationToken ct)
    {
        var entry = Reference(key);
        var gated = false;
        try
        {
            await entry.Gate.WaitAsync(ct);
            gated = true;
            var lease = await FileLease.TakeAsync(LeasePath(key), time, ct);
            return new Holder(this, key, entry, lease);
        }
        catch
        {
            if (gated)
            {
                entry.Gate.Release();
            }

            Unreference(key, entry);
            throw;
        }
    }

    public IDisposable? TryAcquire(string key)
    {
        var entry = Reference(key);
        if (entry.Gate.Wait(0))
        {
            if (FileLease.TryTake(LeasePath(key)) is { } lease)
            {
                return new Holder(this, key, entry, lease);
            }

            entry.Gate.Release();
        }

        Unreference(key, entry);
        return null;
    }

    private string LeasePath(string key) => Path.Join(_leases.Value, key + ".lock");

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

    private sealed class Holder(ConversationLocks owner, string key, Entry entry, FileLease lease) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                lease.Dispose();
                entry.Gate.Release();
                owner.Unreference(key, entry);
            }
        }
    }
}
