namespace ChatOps.QCliProxy.Health;

/// <summary>
/// What <c>/healthz</c> says about the CLI: the configured command, where it was found, its version line, which CLI it
/// is, the agent it runs with (null: <c>--trust-tools</c>) and the account it runs as.
/// </summary>
public sealed record CliStatus(string Command, bool Found, string? Path, string? Version, string Flavor, string? Agent, string RunsAs);
