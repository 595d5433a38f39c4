using ChatOps.QCliProxy.Configuration;
using ChatOps.QCliProxy.Running;

namespace ChatOps.QCliProxy.Chat;

/// <summary>The one closing line for each way a run can end.</summary>
internal static class RunEndings
{
    private const int MaxDiagnostics = 1000;

    public static ValueTask WriteAsync(NdjsonWriter writer, RunOutcome outcome, ProxyOptions options, CancellationToken ct) => outcome switch
    {
        { End: RunEnd.Exited, ExitCode: 0 } => writer.WriteDoneAsync(0, ct),
        { End: RunEnd.Exited } => writer.WriteErrorAsync(ErrorCodes.Failed, Exited(outcome), ct),
        { End: RunEnd.TimedOut } => writer.WriteErrorAsync(
            ErrorCodes.Timeout, $"no answer within {options.Timeout.TotalSeconds:0} s (QCLI_TIMEOUT_SECONDS); the CLI was stopped", ct),
        { End: RunEnd.OutputCapped } => writer.WriteErrorAsync(
            ErrorCodes.Failed, $"the answer was truncated: the CLI wrote more than {options.MaxOutputBytes} bytes (QCLI_MAX_OUTPUT_BYTES)", ct),
        { End: RunEnd.ShuttingDown } => writer.WriteErrorAsync(ErrorCodes.Failed, "the proxy is shutting down; try again", ct),
        { End: RunEnd.ClientGone } => ValueTask.CompletedTask,
        _ => writer.WriteErrorAsync(ErrorCodes.Failed, Shorten(outcome.Diagnostics), ct),
    };

    private static string Exited(RunOutcome outcome) =>
        outcome.Diagnostics.Length == 0
            ? $"the CLI exited with code {outcome.ExitCode}"
            : $"the CLI exited with code {outcome.ExitCode}: {Shorten(outcome.Diagnostics)}";

    private static string Shorten(string text) => text.Length <= MaxDiagnostics ? text : text[..MaxDiagnostics] + "…";
}
