using ChatOps.Contracts;
using ChatOps.QCliProxy.Aws;

namespace ChatOps.QCliProxy.Proposals;

// Does what a proposal says, with the AWS files of the profile it was approved with.
internal sealed class ProposalExecutor(AwsProfileFiles awsFiles, SupportCaseExecutor supportCases, RunbookExecutor runbooks, TimeProvider time, ILogger<ProposalExecutor> logger)
{
    public async Task<QCliExecuteResult> ExecuteAsync(QCliProposal proposal, CancellationToken ct)
    {
        AwsRunFiles aws;
        try
        {
            aws = awsFiles.Write(proposal.Profile);
        }
        catch (AwsProfileMissingException e)
        {
            return new(QCliExecuteResult.Failed, e.Message, null, null, null, null, time.GetUtcNow());
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Log.ExecutionFilesFailed(logger, proposal.Id, e);
            return new(QCliExecuteResult.Failed, "the proxy could not prepare the AWS files; its log says why", null, null, null, null, time.GetUtcNow());
        }

        using (aws)
        {
            return proposal.Kind switch
            {
                QCliProposalKinds.SupportCase => await supportCases.ExecuteAsync(proposal, aws, ct),
                QCliProposalKinds.RunbookAction => await runbooks.ExecuteAsync(proposal, aws, ct),
                _ => new(QCliExecuteResult.Failed, $"unknown kind {proposal.Kind}", null, null, null, null, time.GetUtcNow()),
            };
        }
    }
}
