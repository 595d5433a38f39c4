using ChatOps.OpsAgent.Output;
using ChatOps.QCliProxy.Output;
using ChatOps.QCliProxy.Proposals.Rules;

namespace ChatOps.QCliProxy.Proposals.Execution;

// What an execution says before it is stored and sent: terminal escapes removed, the proxy secret and every
// SecretPatterns kind (keys, tokens, private keys, secret assignments) masked, at most the last MaxOutput characters (the bot scrubs again before posting).
internal static class ResultScrubber
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

        clean = SecretPatterns.Mask(clean);
        return clean.Length <= MaxOutput ? clean : "…" + clean[^(MaxOutput - 1)..];
    }
}
