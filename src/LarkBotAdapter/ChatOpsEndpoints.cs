using ChatOps.LarkBotAdapter.Channels.Lark;
using ChatOps.LarkBotAdapter.Channels.Slack;
using ChatOps.LarkBotAdapter.Health;
using ChatOps.LarkBotAdapter.Ingress;

namespace ChatOps.LarkBotAdapter;

public static class ChatOpsEndpoints
{
    // Every endpoint of the contract: /healthz, /lark/events, /lark/cards, /slack/events, /slack/commands,
    // /slack/interactions, /events.
    public static IEndpointRouteBuilder MapChatOps(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealth();
        endpoints.MapLark();
        endpoints.MapSlack();
        endpoints.MapJobs();
        return endpoints;
    }
}
