using ChatOps.IntentRecognition;

namespace ChatOps.LarkBotAdapter.Routing;

public static class RouteServiceCollectionExtensions
{
    // The base routes: the off-topic refusal, and "not configured" answers for the knowledge and ops routes,
    // which AddChatOpsCore replaces by registering their real responders after these.
    public static IServiceCollection AddRoutes(this IServiceCollection services)
    {
        services.AddSingleton<IResponder, OffTopicResponder>();
        services.AddSingleton<IResponder>(new NotConfiguredResponder(Intent.KnowledgeBase, "KNOWLEDGE_BASE_ID and KNOWLEDGE_MODEL_ARN"));
        services.AddSingleton<IResponder>(new NotConfiguredResponder(Intent.AwsOps, "QLI_SERVER_ADDRESS and QCLI_PROXY_SECRET"));
        services.AddTransient<RouteTable>();
        return services;
    }
}
