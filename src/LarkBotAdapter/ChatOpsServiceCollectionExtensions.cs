using ChatOps.LarkBotAdapter.Alarms;
using ChatOps.LarkBotAdapter.Approvals;
using ChatOps.LarkBotAdapter.Aws;
using ChatOps.LarkBotAdapter.Channels.Lark;
using ChatOps.LarkBotAdapter.Channels.Slack;
using ChatOps.LarkBotAdapter.Feedback;
using ChatOps.LarkBotAdapter.Ingress;
using ChatOps.LarkBotAdapter.Knowledge.Bedrock;
using ChatOps.LarkBotAdapter.Knowledge.Local;
using ChatOps.LarkBotAdapter.Ops;
using ChatOps.LarkBotAdapter.ProxyClient;
using ChatOps.LarkBotAdapter.Routing;
using ChatOps.LarkBotAdapter.State;
using ChatOps.LarkBotAdapter.Telemetry;
using ChatOps.LarkBotAdapter.Worker;

namespace ChatOps.LarkBotAdapter;

public static class ChatOpsServiceCollectionExtensions
{
    // Everything the worker needs: state, intent recognition, routes, segmenter, channels.
    public static IServiceCollection AddChatOpsCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddAwsBasics();
        services.AddChatOpsMetrics(configuration);
        services.AddChatOpsState(configuration);
        services.AddIntentRecognition(configuration);
        services.AddRoutes();
        // Routes registered later win (RouteTable keeps the last responder per intent).
        if (string.IsNullOrWhiteSpace(configuration["KNOWLEDGE_BASE_ID"]))
        {
            services.AddLocalKnowledge(configuration);
        }
        else
        {
            services.AddBedrockKnowledge(configuration);
        }
        services.AddApprovals(configuration);
        services.AddAwsOps(configuration);
        services.AddWorkerCore(configuration);
        services.AddAlarms(configuration);
        services.AddLark();
        services.AddSlack();
        return services;
    }

    // The web app: the core plus the hand-off to the worker and the HTTP JSON contexts.
    public static IServiceCollection AddChatOpsWeb(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddChatOpsCore(configuration);
        services.AddHandOff(configuration);
        services.AddEmfStdout();
        services.AddSingleton<FeedbackRecorder>();
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, HttpJsonContext.Default));
        return services;
    }
}
