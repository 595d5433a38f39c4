using System.Collections.Concurrent;

namespace ChatOps.LarkBotAdapter.Approvals;

// Proposals and audit entries of one process (local runs, tests). Entries older than the retention are dropped.
public sealed class InMemoryApprovalStore(TimeProvider time) : IApprovalStore
{
    private readonly ConcurrentDictionary<string, ApprovalRecord> _records = new(StringComparer.Ordinal);
    private readonly List<AuditEntry> _audit = [];

    public Task<bool> AddAsync(ApprovalRecord record, CancellationToken cancellationToken) =>
        Task.FromResult(_records.TryAdd(record.Id, record));

    public Task<ApprovalRecord?> GetAsync(string id, CancellationToken cancellationToken) =>
        Task.FromResult(_records.TryGetValue(id, out var record) && record.CreatedAt + ApprovalAudit.Retention > time.GetUtcNow() ? record : null);

    public Task<IReadOnlyList<ApprovalRecord>> ListInThreadAsync(string threadKey, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return Task.FromResult<IReadOnlyList<ApprovalRecord>>(_records.Values
            .Where(r => r.Turn.ThreadKey == threadKey && r.CreatedAt + ApprovalAudit.Retention > now)
            .OrderBy(r => r.CreatedAt)
            .ThenBy(r => r.Id, StringComparer.Ordinal)
            .ToArray());
    }

    public Task<bool> TryMoveAsync(ApprovalRecord updated, ApprovalState from, CancellationToken cancellationToken)
    {
        while (_records.TryGetValue(updated.Id, out var current))
        {
            if (current.State != from)
            {
                return Task.FromResult(false);
            }
            if (_records.TryUpdate(updated.Id, updated, current))
            {
                return Task.FromResult(true);
            }
        }
        return Task.FromResult(false);
    }

    public Task AppendAuditAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        lock (_audit)
        {
            _audit.RemoveAll(e => e.At + ApprovalAudit.Retention <= time.GetUtcNow());
            _audit.Add(entry);
        }
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<AuditEntry>> ListAuditAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        lock (_audit)
        {
            return Task.FromResult<IReadOnlyList<AuditEntry>>(_audit.Where(e => e.At >= since).OrderBy(e => e.At).ToArray());
        }
    }
}
