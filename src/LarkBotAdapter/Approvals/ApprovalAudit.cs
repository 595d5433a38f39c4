using ChatOps.LarkBotAdapter.State;

namespace ChatOps.LarkBotAdapter.Approvals;

// The audit trail: every proposal, decision and execution is one structured log line and one stored entry (90 days).
// A store outage loses the stored entry only; the log line is always written.
public sealed class ApprovalAudit(IApprovalStore store, TimeProvider time, ILogger<ApprovalAudit> logger)
{
    public static readonly TimeSpan Retention = TimeSpan.FromDays(90);

    public const string Proposed = "proposed";
    public const string Approved = "approved";
    public const string Rejected = "rejected";
    public const string Expired = "expired";
    public const string Executed = "executed";
    public const string Failed = "failed";

    public async Task RecordAsync(string step, ApprovalRecord record, string who, string? outcome, CancellationToken cancellationToken)
    {
        var entry = new AuditEntry(time.GetUtcNow(), step, record.Id, record.Kind, who, record.ArgumentsHash, record.Profile, record.Turn.ThreadKey, outcome);
        Log.Audit(logger, entry.Event, entry.ProposalId, entry.Kind, entry.Who, entry.ArgumentsHash, entry.Profile ?? "(default)", entry.Thread, entry.Outcome ?? "", entry.At);
        try
        {
            await store.AppendAuditAsync(entry, cancellationToken);
        }
        catch (StateUnavailableException ex)
        {
            Log.AuditNotStored(logger, record.Id, ex);
        }
    }
}
