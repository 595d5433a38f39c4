using ChatOps.LarkBotAdapter.Jobs;

namespace ChatOps.LarkBotAdapter.Approvals;

// ops.execute: runs an approved proposal and reports in the asker's thread (ApprovalExecutor). Registered with the ops
// route only: without it no proposal exists.
internal sealed class ExecuteJobHandler(ApprovalExecutor executor) : IJobHandler
{
    public string Kind => WorkJob.ExecuteKind;

    public Task HandleAsync(WorkJob job, CancellationToken cancellationToken, CancellationToken stopping) =>
        executor.ExecuteAsync(job.ProposalId!, cancellationToken);
}
