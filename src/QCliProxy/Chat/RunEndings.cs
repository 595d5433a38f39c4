using ChatOps.Contracts;
using ChatOps.QCliProxy.Configuration;
using ChatOps.QCliProxy.Output;
using ChatOps.QCliProxy.Running;

namespace ChatOps.QCliProxy.Chat;

// The one closing line for each way a run can end. The CLI's stderr is only logged: it may hold paths, account ids or
// internals, so the line carries a short cause.
internal static class RunEndings
{
    private const int MaxDiagnostics = 1000;

    public static ValueTask WriteAsync(NdjsonWriter writer, RunOutcome outcome, ProxyOptions options, CancellationToken ct) => outcome switch
    {
        { End: RunEnd.Exited, ExitCode: 0 } => writer.WriteDoneAsync(0, ct),
        { End: RunEnd.Exited } => writer.WriteErrorAsync(QCliErrorCodes.Failed, Exited(outcome), ct),
        { End: RunEnd.TimedOut } => writer.WriteErrorAsync(
            QCliErrorCodes.Timeout, $"no answer within {options.Timeout.TotalSeconds:0} s (QCLI_TIMEOUT_SECONDS); the CLI was stopped", ct),
        { End: RunEnd.OutputCapped } => writer.WriteErrorAsync(
            QCliErrorCodes.Failed, $"the answer was truncated: the CLI wrote more than {options.MaxOutputBytes} bytes (QCLI_MAX_OUTPUT_BYTES)", ct),
        { End: RunEnd.ShuttingDown } => writer.WriteErrorAsync(QCliErrorCodes.Failed, "the proxy is shutting down; try again", ct),
        { End: RunEnd.ClientGone } => ValueTask.CompletedTask,
        _ => writer.WriteErrorAsync(QCliErrorCodes.Failed, $"the CLI '{options.Command}' could not be started on the proxy host", ct),
    };

    public static string Shorten(string text) => text.Length <= MaxDiagnostics ? text : text[..MaxDiagnostics] + "…";

    private static string Exited(RunOutcome outcome) =>
        LooksLikeLogin(outcome.Diagnostics)
            ? $"the CLI exited with code {outcome.ExitCode}: it is not logged in on the proxy host (an administrator must log it in again)"
            : $"the CLI exited with code {outcome.ExitCode}; the proxy's log has the details";

    private static bool LooksLikeLogin(string stderr) =>
        stderr.Contains("not logged in", StringComparison.OrdinalIgnoreCase)
        || stderr.Contains("login", StringComparison.OrdinalIgnoreCase)
        || stderr.Contains("KIRO_API_KEY", StringComparison.Ordinal);
}
