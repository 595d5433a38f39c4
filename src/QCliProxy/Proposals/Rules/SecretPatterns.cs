using System.Text.RegularExpressions;

namespace ChatOps.QCliProxy.Proposals.Rules;

// What the proxy treats as a secret, each with the words that replace it: used to mask execution results
// (ResultScrubber) and to refuse a proposal whose text an approval card would show masked (ProposalContent).
// Every repetition is bounded, so no pattern backtracks more than a constant per character.
internal static partial class SecretPatterns
{
    public static readonly IReadOnlyList<(string Kind, Regex Pattern, MatchEvaluator Mask)> All =
    [
        ("a private key", PrivateKey(), _ => "[redacted-private-key]"),
        ("an AWS access key id", AccessKey(), _ => "[redacted-key-id]"),
        ("an unlabelled AWS secret key", UnlabelledKey(), m => LooksLikeKey(m.Value) ? "[redacted]" : m.Value),
        ("a JSON Web Token", Jwt(), _ => "[redacted-jwt]"),
        ("a GitHub token", GitHubToken(), _ => "[redacted-github-token]"),
        ("a Slack token", SlackToken(), _ => "[redacted-slack-token]"),
        ("a bearer or basic credential", AuthorizationScheme(), m => m.Groups["scheme"].Value + "[redacted]"),
        ("a password in a URL", UrlPassword(), m => m.Groups["prefix"].Value + "[redacted]"),
        ("a password, secret or token assignment", Assignment(), m => m.Groups["name"].Value + "[redacted]"),
    ];

    // The kind of the first secret found in text, or null.
    public static string? Find(string text)
    {
        foreach (var (kind, pattern, mask) in All)
        {
            foreach (Match match in pattern.Matches(text))
            {
                if (mask(match) != match.Value)
                {
                    return kind;
                }
            }
        }

        return null;
    }

    public static string Mask(string text) => All.Aggregate(text, (current, p) => p.Pattern.Replace(current, p.Mask));

    // A 40-character base64 word is a key only with upper case, lower case and digits (a git sha is lower-case hex).
    private static bool LooksLikeKey(string word) => word.Any(char.IsAsciiLetterUpper) && word.Any(char.IsAsciiLetterLower) && word.Any(char.IsAsciiDigit);

    [GeneratedRegex(@"-----BEGIN (?:[A-Z0-9]{1,20} ){0,4}PRIVATE KEY(?: BLOCK)?-----|PuTTY-User-Key-File-[0-9]{1,2}:")]
    private static partial Regex PrivateKey();

    [GeneratedRegex(@"(?<![A-Za-z0-9])(?:AKIA|ASIA|AROA|AIDA|ABIA|ACCA)[A-Z0-9]{16}(?![A-Za-z0-9])")]
    private static partial Regex AccessKey();

    [GeneratedRegex(@"(?<![A-Za-z0-9/+=])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])")]
    private static partial Regex UnlabelledKey();

    [GeneratedRegex(@"(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{8,4096}\.[A-Za-z0-9_-]{8,4096}\.[A-Za-z0-9_-]{8,4096}")]
    private static partial Regex Jwt();

    [GeneratedRegex(@"(?<![A-Za-z0-9])(?:gh[pousr]_[A-Za-z0-9]{20,255}|github_pat_[A-Za-z0-9_]{20,255})")]
    private static partial Regex GitHubToken();

    [GeneratedRegex(@"(?<![A-Za-z0-9])(?:xox[abposre]|xapp)-[A-Za-z0-9-]{8,1024}")]
    private static partial Regex SlackToken();

    [GeneratedRegex(@"(?<scheme>\b(?:[Bb]earer|BEARER|[Bb]asic|BASIC)[ \t]{1,8})[A-Za-z0-9\-._~+/]{16,4096}=*")]
    private static partial Regex AuthorizationScheme();

    [GeneratedRegex(@"(?<prefix>://[^\s:/@\[\]]{1,128}:)[^\s/@\[\]]{1,256}(?=@)")]
    private static partial Regex UrlPassword();

    // name=value, name: value, "name": "value" where the name ends in a secret word (db_password, AWS_SESSION_TOKEN).
    [GeneratedRegex(
        @"(?<name>(?<![A-Za-z0-9_.-])[A-Za-z0-9_.-]{0,64}(?:password|passwd|pwd|passphrase|secret|secret_?key|secret_?access_?key|token|api_?key|private_?key|access_?key|credentials?)[""']?[ \t]{0,8}[:=][ \t]{0,8}[""']?)(?!\[redacted)[^\s""'`,;|<>\[\]{}()]{1,2048}",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Assignment();
}
