namespace ChatOps.QCliProxy.Health;

// The body of GET /healthz: no configuration values beyond the command name, never secrets. Sandbox is "bwrap" or
// "none"; SandboxNote says when runs can read each other's history (null when they cannot).
public sealed record HealthReport(string Status, CliStatus Cli, int Running, int Waiting, string Sandbox, string? SandboxNote);
