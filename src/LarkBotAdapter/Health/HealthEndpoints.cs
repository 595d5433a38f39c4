using ChatOps.LarkBotAdapter.Channels.Lark;
using ChatOps.LarkBotAdapter.Ingress;
using ChatOps.LarkBotAdapter.Worker;

namespace ChatOps.LarkBotAdapter.Health;

/// <summary><c>GET /healthz</c>: readiness for the Lambda Web Adapter and load balancers. Names no secrets.</summary>
public static class HealthEndpoints
{
    public static RouteGroupBuilder MapHealth(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/healthz");
        group.MapGet("", (LarkOptions lark, WorkerOptions worker) =>
        {
            var platforms = lark.IsConfigured ? new[] { "lark" } : [];
            var mode = worker.LambdaFunctionName is null ? "in-process" : "lambda";
            return TypedResults.Json(new HealthResponse("ok", platforms, mode), HttpJsonContext.Default.HealthResponse);
        });
        return group;
    }
}
