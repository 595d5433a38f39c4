namespace ChatOps.QCliProxy.Health;

/// <summary>What <c>/healthz</c> says about the CLI: the configured command, where it was found, its version line.</summary>
public sealed record CliStatus(string Command, bool Found, string? Path, string? Version);
