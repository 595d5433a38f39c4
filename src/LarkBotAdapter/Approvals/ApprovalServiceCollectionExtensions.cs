using Amazon.DynamoDBv2;
using ChatOps.LarkBotAdapter.Jobs;
using ChatOps.LarkBotAdapter.State;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ChatOps.LarkBotAdapter.Approvals;

public static class ApprovalServiceCollectionExtensions
{
    // The approval desk, the audit trail and their store (the state table when one is configured).
    public static IServiceCollection AddApprovals(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ApprovalOptions>().Configure(o => o.Load(configuration)).ValidateOnStart();
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<ApprovalOptions>>().Value);
        services.TryAddSingleton<IApprovalStore>(provider =>
        {
            var time = provider.GetRequiredService<TimeProvider>();
            var table = configuration[StateServiceCollectionExtensions.TableKey];
            return string.IsNullOrWhiteSpace(table)
                ? new InMemoryApprovalStore(time)
                : new DynamoDbApprovalStore(provider.GetRequiredService<IAmazonDynamoDB>(), table.Trim(), time);
        });
        services.TryAddSingleton<ApprovalAudit>();
        services.TryAddTransient<ApprovalDesk>();
        services.TryAddTransient<ThreadDecisions>();
        services.AddTransient<IThreadCommand, ApprovalThreadCommand>();
        return services;
    }
}
