using System.Text.RegularExpressions;
using ChatOps.LarkBotAdapter.ProxyClient;
using ChatOps.LarkBotAdapter.Routing;
using ChatOps.LarkBotAdapter.Scrubbing;
using ChatOps.LarkBotAdapter.Texts;

namespace ChatOps.LarkBotAdapter.Ops;

// Which failure the user reads when the ops route fails (the words are OpsTexts'), and whether retrying may help.
internal static partial class OpsMessages
{
    private const int MaxLoggedMessageChars = 500;

    // The failure for an error line (or a refusal whose body held one), chosen by its code alone: the
    // line's message may carry the CLI's stderr (stack traces, values it printed), so it goes to the log, never here.
    public static ResponderException ForCode(string? code, TurnLanguage language) => code switch
    {
        "busy" => Busy(language),
        "timeout" => new(OpsTexts.Timeout(language), retryable: false),
        "bad_request" => new(OpsTexts.BadRequest(language), retryable: false),
        _ => new(OpsTexts.CliFailed(language), retryable: true),
    };

    // The proxy's message as the log keeps it: credentials masked, at most a few hundred characters.
    public static string ForLog(string? message)
    {
        if (string.IsNullOrWhiteSpace(message))
        {
            return "(no message)";
        }
        var text = SecretScrubber.Scrub(Ansi().Replace(message, string.Empty)).Trim();
        return text.Length > MaxLoggedMessageChars ? text[..MaxLoggedMessageChars] + "…" : text;
    }

    public static ResponderException ExitCode(int exitCode, TurnLanguage language) =>
        new(OpsTexts.ExitCode(language, exitCode), retryable: true);

    public static ResponderException For(QCliProxyException ex, TurnLanguage language) => ex.Failure switch
    {
        QCliFailure.Busy => Busy(language),
        QCliFailure.Unreachable => new(OpsTexts.Unreachable(language), retryable: true, ex),
        QCliFailure.NoAnswer => new(OpsTexts.NoAnswer(language), retryable: true, ex),
        QCliFailure.Unauthorized => new(OpsTexts.Unauthorized(language), retryable: false, ex),
        QCliFailure.HttpStatus when ex.ProxyCode is not null => ForCode(ex.ProxyCode, language),
        QCliFailure.HttpStatus => new(OpsTexts.HttpStatus(language, ex.StatusCode), retryable: ex.StatusCode >= 500, ex),
        QCliFailure.CutOff => new(OpsTexts.CutOff(language), retryable: true, ex),
        QCliFailure.Untrusted => new(OpsTexts.Untrusted(language), retryable: false, ex),
        _ => new(OpsTexts.Unreadable(language), retryable: true, ex),
    };

    private static ResponderException Busy(TurnLanguage language) => new(OpsTexts.Busy(language), retryable: true);

    [GeneratedRegex(@"\x1B(\[[0-9;?]*[ -/]*[@-~]|\][^\x07]*\x07|.)")]
    private static partial Regex Ansi();
}
