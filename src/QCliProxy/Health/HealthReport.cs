namespace ChatOps.QCliProxy.Health;

// The body of GET /healthz: no configuration values beyond the command name, never secrets.
public sealed record HealthReport(string Status, CliStatus Cli, int Running, int Waiting);
