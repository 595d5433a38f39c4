using System.Collections.Concurrent;
using System.Text.Json;
using ChatOps.Contracts;
using ChatOps.QCliProxy.Configuration;
using ChatOps.QCliProxy.Hosting;
using ChatOps.QCliProxy.Proposals.Rules;

namespace ChatOps.QCliProxy.Proposals.Store;

// Proposals and their results on disk, under QCLI_STATE_DIR/.proposals (the proxy's user only; the CLI's user cannot
// reach it), so an approval still works after a restart and a retried execution finds the first result:
//   <id>.json         the proposal as it was shown (never rewritten)
//   <id>.started      written before execution begins: a run that died midway is never started again
//   <id>.result.json  the result, returned to every later request
//   <id>.lock         the execution's lease, so two instances sharing the folder never run it at once
// ProposalSweeper deletes them 90 days after the proposal was made.
internal sealed class ProposalStore
{
    public const string Folder = ".proposals";

    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new(StringComparer.Ordinal);

    public ProposalStore(ProxyOptions options)
    {
        Root = Path.Join(Path.GetFullPath(options.StateDirectory), Folder);
    }

    public string Root { get; }

    // Stores a new proposal; false when one with that id exists (it is never replaced).
    public bool TryAdd(QCliProposal proposal)
    {
        var path = PathOf(proposal.Id, ".json");
        EnsureRoot();
        try
        {
            using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
            JsonSerializer.Serialize(file, proposal, QCliProtocolJsonContext.Default.QCliProposal);
            file.Flush(flushToDisk: true);
            return true;
        }
        catch (IOException) when (File.Exists(path))
        {
            return false;
        }
    }

    public QCliProposal? Find(string id) =>
        ProposalRules.IsId(id) && File.Exists(PathOf(id, ".json"))
            ? JsonSerializer.Deserialize(File.ReadAllBytes(PathOf(id, ".json")), QCliProtocolJsonContext.Default.QCliProposal)
            : null;

    public QCliExecuteResult? ResultOf(string id) =>
        File.Exists(PathOf(id, ".result.json"))
            ? JsonSerializer.Deserialize(File.ReadAllBytes(PathOf(id, ".result.json")), QCliProtocolJsonContext.Default.QCliExecuteResult)
            : null;

    public bool WasStarted(string id) => File.Exists(PathOf(id, ".started"));

    public void MarkStarted(string id, string approvedBy)
    {
        using var file = new FileStream(PathOf(id, ".started"), FileMode.CreateNew, FileAccess.Write);
        file.Write(System.Text.Encoding.UTF8.GetBytes(approvedBy));
        file.Flush(flushToDisk: true);
    }

    // Written to a temporary file and renamed, so a reader never sees half a result.
    public void SaveResult(string id, QCliExecuteResult result)
    {
        var temporary = PathOf(id, ".result.tmp");
        using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write))
        {
            JsonSerializer.Serialize(file, result, QCliProtocolJsonContext.Default.QCliExecuteResult);
            file.Flush(flushToDisk: true);
        }

        File.Move(temporary, PathOf(id, ".result.json"), overwrite: true);
    }

    // Deletes proposals (and their markers and results) stored before cutoff; returns how many.
    public int Prune(DateTime cutoffUtc)
    {
        if (!Directory.Exists(Root))
        {
            return 0;
        }

        var pruned = 0;
        foreach (var file in new DirectoryInfo(Root).EnumerateFiles("*.json").Where(f => !f.Name.EndsWith(".result.json", StringComparison.Ordinal)))
        {
            var id = Path.GetFileNameWithoutExtension(file.Name);
            if (!ProposalRules.IsId(id) || file.LastWriteTimeUtc > cutoffUtc)
            {
                continue;
            }

            foreach (var suffix in new[] { ".result.json", ".started", ".result.tmp", ".lock", ".json" })
            {
                File.Delete(PathOf(id, suffix));
            }

            pruned++;
        }

        return pruned;
    }

    // One execution at a time per proposal: within this process (a semaphore), then across every instance sharing
    // QCLI_STATE_DIR (the proposal's lease file, FileLease). The marker files order executions across restarts.
    public async Task<IDisposable> LockAsync(string id, TimeProvider time, CancellationToken ct)
    {
        var gate = _locks.GetOrAdd(id, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        try
        {
            EnsureRoot();
            return new Release(gate, await FileLease.TakeAsync(PathOf(id, ".lock"), time, ct));
        }
        catch
        {
            gate.Release();
            throw;
        }
    }

    // Made with the first proposal, for the proxy's user only.
    private void EnsureRoot()
    {
        if (Directory.Exists(Root))
        {
            return;
        }

        Directory.CreateDirectory(Root);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(Root, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    private string PathOf(string id, string suffix) => Path.Join(Root, id + suffix);

    private sealed class Release(SemaphoreSlim gate, FileLease lease) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                lease.Dispose();
                gate.Release();
            }
        }
    }
}
