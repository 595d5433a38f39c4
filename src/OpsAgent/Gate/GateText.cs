using System.Text.RegularExpressions;

namespace ChatOps.OpsAgent.Gate;

// The shapes of names and values the gate lets through, and how it quotes what it refuses (short, printable only).
internal static partial class GateText
{
    public const int MaxArguments = 32;
    public const int MaxLength = 256;

    // Printable ASCII only: no control characters (newlines, escapes), nothing a terminal or a log could misread.
    public static void CheckArguments(IReadOnlyList<string> args)
    {
        if (args.Count > MaxArguments)
        {
            throw new GateRefusal($"more than {MaxArguments} arguments");
        }

        for (var i = 0; i < args.Count; i++)
        {
            if (args[i].Length > MaxLength)
            {
                throw new GateRefusal($"argument {i + 1} is longer than {MaxLength} characters");
            }

            if (args[i].Any(c => c is < ' ' or > '~'))
            {
                throw new GateRefusal($"argument {i + 1} contains a control or non-ASCII character");
            }
        }
    }

    public static string Quote(string text) => "'" + (text.Length > 60 ? text[..60] + "..." : text) + "'";

    // A Kubernetes object name (RFC 1123 subdomain): pods, nodes, deployments, releases.
    public static bool IsName(string text) => text.Length <= 253 && NamePattern().IsMatch(text);

    // A namespace or container name (RFC 1123 label).
    public static bool IsLabel(string text) => LabelPattern().IsMatch(text);

    // Label and field selectors: keys with prefixes (app.kubernetes.io/name), =, ==, !=, in (a,b), !key.
    public static bool IsSelector(string text) => SelectorPattern().IsMatch(text);

    // A duration for --since: 30s, 10m, 1h30m.
    public static bool IsDuration(string text) => text.Length <= 12 && DurationPattern().IsMatch(text);

    [GeneratedRegex(@"^([0-9]+(s|m|h))+$")]
    private static partial Regex DurationPattern();

    [GeneratedRegex(@"^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$")]
    private static partial Regex NamePattern();

    [GeneratedRegex(@"^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$")]
    private static partial Regex LabelPattern();

    [GeneratedRegex(@"^[A-Za-z0-9._/=!,() -]+$")]
    private static partial Regex SelectorPattern();
}
