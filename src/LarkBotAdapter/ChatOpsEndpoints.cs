using ChatOps.LarkBotAdapter.Channels.Lark;
using ChatOps.LarkBotAdapter.Channels.Slack;
using ChatOps.LarkBotAdapter.Health;
using ChatOps.LarkBotAdapter.Worker;

namespace ChatOps.LarkBotAdapter;

public static class ChatOpsEndpoints
{
    // Every endpoint of the contract: /healthz, /lark/events, /slack/events, /slack/commands, /events.
    public static IEndpointRouteBuilder MapChatOps(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealth();
        endpoints.MapLark();
        endpoints.MapSlack();
        endpoints.MapJobs();
        return endpoints;
    }
}
