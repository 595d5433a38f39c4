using System.Text.RegularExpressions;
using ChatOps.QCliProxy.Output;

namespace ChatOps.QCliProxy.Proposals;

// What an execution says before it is stored and sent: terminal escapes removed, AWS keys and the proxy secret
// masked, at most the last MaxOutput characters (the bot scrubs again before posting).
internal static partial class ResultScrubber
{
    public const int MaxOutput = 4000;

    public static string Scrub(string text, string? secret)
    {
        var filter = new TerminalTextFilter();
        filter.Append(text);
        var clean = filter.Finish();
        if (!string.IsNullOrEmpty(secret))
        {
            clean = clean.Replace(secret, "[redacted]", StringComparison.Ordinal);
        }

        clean = AccessKey().Replace(clean, "[redacted-key-id]");
        clean = SecretAssignment().Replace(clean, m => m.Groups["name"].Value + "[redacted]");
        return clean.Length <= MaxOutput ? clean : "…" + clean[^(MaxOutput - 1)..];
    }

    [GeneratedRegex(@"\b(?:AKIA|ASIA|AROA|AIDA)[A-Z0-9]{16}\b")]
    private static partial Regex AccessKey();

    [GeneratedRegex(@"(?<name>(?i:secret|token|password|passwd|credential)[A-Za-z_]*[""']?\s*[:=]\s*[""']?)[^\s""',]{8,}")]
    private static partial Regex SecretAssignment();
}
