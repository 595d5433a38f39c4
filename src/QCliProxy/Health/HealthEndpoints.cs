using ChatOps.QCliProxy.Running;
using ChatOps.QCliProxy.Running.Sandbox;

namespace ChatOps.QCliProxy.Health;

public static class HealthEndpoints
{
    // GET /healthz: 200 when the CLI binary is present and recent enough, 503 when it is not or when the proxy is
    // draining (so the balancer stops sending it new requests).
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/healthz", async (CliProbe probe, RunLimiter limiter, ProxyDrain drain, BubblewrapSandbox sandbox, CancellationToken ct) =>
        {
            var cli = await probe.ProbeAsync(ct);
            var status = drain.IsDraining ? "draining" : !cli.Found ? "cli_missing" : cli.Problem is not null ? "cli_too_old" : "ok";
            var report = new HealthReport(
                status, cli, limiter.Running, limiter.Waiting, sandbox.Enabled ? "bwrap" : "none", SandboxNote(sandbox));
            return TypedResults.Json(report, HealthJsonContext.Default.HealthReport, statusCode: status == "ok" ? 200 : 503);
        });
        return endpoints;
    }

    private static string? SandboxNote(BubblewrapSandbox sandbox) =>
        !sandbox.Enabled ? "no sandbox (QCLI_SANDBOX=none): runs share the account's home and can read each other's history and folders"
        : sandbox.SharesHistory ? "Q CLI keeps the account's home (its login shares a database with every thread's history): history is not isolated"
        : null;
}
