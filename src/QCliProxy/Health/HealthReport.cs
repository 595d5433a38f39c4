namespace ChatOps.QCliProxy.Health;

/// <summary>The body of <c>GET /healthz</c>: no configuration values beyond the command name, never secrets.</summary>
public sealed record HealthReport(string Status, CliStatus Cli, int Running, int Waiting);
