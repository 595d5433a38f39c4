namespace ChatOps.LarkBotAdapter.Local;

// The exit code of one `ask`: 0 unless its route said otherwise (the first failure wins).
public sealed class AskOutcome
{
    // The laptop route ran and failed: the CLI exited non-zero, or the profile or folders were not there.
    public const int RouteFailed = ExitCodes.Failed;

    // aws_ops with neither a proxy nor a CLI on PATH.
    public const int RouteUnavailable = ExitCodes.Configuration;

    private int _exitCode;

    public int ExitCode => Volatile.Read(ref _exitCode);

    public void Fail(int exitCode) => Interlocked.CompareExchange(ref _exitCode, exitCode, 0);
}
