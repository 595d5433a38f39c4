using ChatOps.QCliProxy.Running;

namespace ChatOps.QCliProxy.Health;

public static class HealthEndpoints
{
    // GET /healthz: 200 when the CLI binary is present, 503 when it is not.
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/healthz", async (CliProbe probe, RunLimiter limiter, CancellationToken ct) =>
        {
            var cli = await probe.ProbeAsync(ct);
            var report = new HealthReport(cli.Found ? "ok" : "cli_missing", cli, limiter.Running, limiter.Waiting);
            return TypedResults.Json(report, HealthJsonContext.Default.HealthReport, statusCode: cli.Found ? 200 : 503);
        });
        return endpoints;
    }
}
