namespace ChatOps.QCliProxy.Health;

// What /healthz says about the CLI: the configured command, where it was found, its version line, which CLI it
// is, the agent it runs with (null: --trust-tools), the account it runs as, and why it may not be used (null: it may).
public sealed record CliStatus(
    string Command, bool Found, string? Path, string? Version, string Flavor, string? Agent, string RunsAs, string? Problem = null);
