using ChatOps.QCliProxy.Running;

namespace ChatOps.QCliProxy.Health;

public static class HealthEndpoints
{
    // GET /healthz: 200 when the CLI binary is present and recent enough, 503 when it is not.
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/healthz", async (CliProbe probe, RunLimiter limiter, CancellationToken ct) =>
        {
            var cli = await probe.ProbeAsync(ct);
            var status = !cli.Found ? "cli_missing" : cli.Problem is not null ? "cli_too_old" : "ok";
            var report = new HealthReport(status, cli, limiter.Running, limiter.Waiting);
            return TypedResults.Json(report, HealthJsonContext.Default.HealthReport, statusCode: status == "ok" ? 200 : 503);
        });
        return endpoints;
    }
}
