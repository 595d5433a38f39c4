using ChatOps.LarkBotAdapter.Channels.Lark;
using ChatOps.LarkBotAdapter.Channels.Slack;
using ChatOps.LarkBotAdapter.Conversations;
using ChatOps.LarkBotAdapter.Ingress;
using ChatOps.LarkBotAdapter.Jobs;

namespace ChatOps.LarkBotAdapter.Health;

// GET /healthz: readiness for the Lambda Web Adapter and load balancers. Names no secrets.
public static class HealthEndpoints
{
    public static RouteGroupBuilder MapHealth(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/healthz");
        group.MapGet("", (LarkOptions lark, SlackOptions slack, WorkerOptions worker) =>
        {
            string[] platforms = [.. lark.IsConfigured ? [Platforms.Lark] : Array.Empty<string>(), .. slack.IsConfigured ? [Platforms.Slack] : Array.Empty<string>()];
            var mode = worker.LambdaFunctionName is null ? "in-process" : "lambda";
            return TypedResults.Json(new HealthResponse("ok", platforms, mode), HttpJsonContext.Default.HealthResponse);
        });
        return group;
    }
}
