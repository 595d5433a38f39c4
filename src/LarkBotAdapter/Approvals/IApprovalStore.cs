namespace ChatOps.LarkBotAdapter.Approvals;

// Proposals and the audit trail, in the state table (or in memory for a single process).
public interface IApprovalStore
{
    // Keeps a new proposal; false when one with this id is already kept (a retried job): nothing is changed.
    Task<bool> AddAsync(ApprovalRecord record, CancellationToken cancellationToken);

    Task<ApprovalRecord?> GetAsync(string id, CancellationToken cancellationToken);

    // Every proposal made in the thread (any state) and still kept, oldest first: how a plain-text decision finds
    // what it decides, whatever the thread's saved context says.
    Task<IReadOnlyList<ApprovalRecord>> ListInThreadAsync(string threadKey, CancellationToken cancellationToken);

    // Replaces the record when its stored state is still from; false when another writer moved it first.
    Task<bool> TryMoveAsync(ApprovalRecord updated, ApprovalState from, CancellationToken cancellationToken);

    // Appends one audit entry (kept 90 days).
    Task AppendAuditAsync(AuditEntry entry, CancellationToken cancellationToken);

    // Audit entries at or after since, oldest first.
    Task<IReadOnlyList<AuditEntry>> ListAuditAsync(DateTimeOffset since, CancellationToken cancellationToken);
}
