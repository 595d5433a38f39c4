namespace ChatOps.QCliProxy.Running;

// The end of a run: exit code when it exited, the start of stderr, raw stdout bytes read.
internal sealed record RunOutcome(RunEnd End, int ExitCode, string Diagnostics, long OutputBytes);
