using ChatOps.IntentRecognition;

namespace ChatOps.LarkBotAdapter.Routing;

public static class RouteServiceCollectionExtensions
{
    // The base routes: the off-topic refusal, and "not configured" answers for the knowledge and ops routes,
    // which AddChatOpsCore replaces by registering their real responders after these.
    public static IServiceCollection AddRoutes(this IServiceCollection services)
    {
        services.AddSingleton<IResponder, OffTopicResponder>();
        services.AddSingleton<IResponder>(new NotConfiguredResponder(
            Intent.KnowledgeBase, "the team knowledge base", "查询团队知识库", "KNOWLEDGE_BASE_ID and KNOWLEDGE_MODEL_ARN"));
        services.AddSingleton<IResponder>(new NotConfiguredResponder(
            Intent.AwsOps, "the live AWS accounts (the Q CLI proxy)", "查询 AWS 账号的实时状态（Q CLI 代理）", "QLI_SERVER_ADDRESS and QCLI_PROXY_SECRET"));
        services.AddTransient<RouteTable>();
        return services;
    }
}
