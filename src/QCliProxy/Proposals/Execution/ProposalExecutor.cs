using ChatOps.Contracts;
using ChatOps.OpsAgent.Aws;
using ChatOps.QCliProxy.Aws;

namespace ChatOps.QCliProxy.Proposals.Execution;

// Does what a proposal says, with the AWS files of the profile it was approved with.
internal sealed class ProposalExecutor(AwsProfileFiles awsFiles, SupportCaseExecutor supportCases, RunbookExecutor runbooks, TimeProvider time, ILogger<ProposalExecutor> logger)
{
    public async Task<QCliExecuteResult> ExecuteAsync(QCliProposal proposal, CancellationToken ct)
    {
        AwsRunFiles aws;
        try
        {
            aws = await awsFiles.WriteAsync(proposal.Profile, proposal.Id, ct);
        }
        catch (Exception e) when (e is AwsProfileMissingException or AwsCredentialsException)
        {
            return QCliExecuteResult.Failure(e.Message, time.GetUtcNow());
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Log.ExecutionFilesFailed(logger, proposal.Id, e);
            return QCliExecuteResult.Failure("the proxy could not prepare the AWS files; its log says why", time.GetUtcNow());
        }

        using (aws)
        {
            return proposal.Kind switch
            {
                QCliProposalKinds.SupportCase => await supportCases.ExecuteAsync(proposal, aws, ct),
                QCliProposalKinds.RunbookAction => await runbooks.ExecuteAsync(proposal, aws, ct),
                _ => QCliExecuteResult.Failure($"unknown kind {proposal.Kind}", time.GetUtcNow()),
            };
        }
    }
}
