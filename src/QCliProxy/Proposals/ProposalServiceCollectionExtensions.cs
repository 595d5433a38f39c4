using ChatOps.QCliProxy.Proposals.Capture;
using ChatOps.QCliProxy.Proposals.Execution;
using ChatOps.QCliProxy.Proposals.Store;
using Microsoft.Extensions.Options;
using ChatOps.Settings;

namespace ChatOps.QCliProxy.Proposals;

public static class ProposalServiceCollectionExtensions
{
    // Approval-gated actions: the spool each run gets, the proposal store, and what executes an approved proposal.
    public static IServiceCollection AddProposals(this IServiceCollection services)
    {
        services.AddOptions<ProposalOptions>().Configure<IConfiguration>((o, c) => o.Load(c)).ValidateSettingsOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<ProposalOptions>>().Value);
        services.AddSingleton<ProposalStore>();
        services.AddSingleton<ProposalSpool>();
        services.AddSingleton<SupportCaseExecutor>();
        services.AddSingleton<RunbookExecutor>();
        services.AddSingleton<ProposalExecutor>();
        services.AddSingleton<ExecuteHandler>();
        services.AddHostedService<ProposalSweeper>();
        return services;
    }
}
