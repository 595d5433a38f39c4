namespace ChatOps.QCliProxy.Tests.Gate;

/// <summary>What one gate run did: its exit code, what it wrote to stderr, and the argv the fake tool recorded.</summary>
internal sealed record GateResult(int ExitCode, string Error, string[]? Recorded)
{
    public string[] ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
