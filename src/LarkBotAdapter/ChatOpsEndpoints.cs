using ChatOps.LarkBotAdapter.Channels.Lark;
using ChatOps.LarkBotAdapter.Health;
using ChatOps.LarkBotAdapter.Worker;

namespace ChatOps.LarkBotAdapter;

public static class ChatOpsEndpoints
{
    /// <summary>Every endpoint of the contract: /healthz, /lark/events, /events.</summary>
    public static IEndpointRouteBuilder MapChatOps(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealth();
        endpoints.MapLark();
        endpoints.MapJobs();
        return endpoints;
    }
}
