using System.Text.RegularExpressions;

namespace ChatOps.TestKit;

/// <summary>Finds configured secret values in text the app produced, and reports them without repeating them.</summary>
public static partial class SecretLeaks
{
    // Settings whose values are secrets: Lark, Slack and proxy credentials, AWS keys.
    private static readonly string[] SecretSuffixes = ["_SECRET", "_TOKEN", "_ENCRYPT_KEY", "_SECRET_ACCESS_KEY"];

    // Shorter values would match ordinary words; every secret the tests configure is longer.
    private const int MinLength = 8;

    /// <summary>The secret values among app settings (comma lists split), keyed by the setting that holds them.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> FromSettings(IEnumerable<KeyValuePair<string, string?>> settings) =>
        settings
            .Where(s => s.Value is not null && SecretSuffixes.Any(suffix => s.Key.EndsWith(suffix, StringComparison.Ordinal)))
            .SelectMany(s => s.Value!.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Where(v => v.Length >= MinLength)
                .Select(v => KeyValuePair.Create(s.Key, v)))
            .ToArray();

    /// <summary>One line per leak: where, which setting, and the text around it with the secret masked.</summary>
    public static IReadOnlyList<string> Find(IReadOnlyList<KeyValuePair<string, string>> secrets, string where, IEnumerable<string> texts)
    {
        var leaks = new List<string>();
        foreach (var text in texts)
        {
            foreach (var (name, value) in secrets)
            {
                var at = text.IndexOf(value, StringComparison.Ordinal);
                if (at >= 0)
                {
                    leaks.Add($"{name} appeared in {where}: …{Mask(text, at, value, secrets)}…");
                }
            }
            if (IssuedToken().Match(text) is { Success: true } token)
            {
                leaks.Add($"a tenant access token issued by the fake Lark appeared in {where}: …{Mask(text, token.Index, token.Value, secrets)}…");
            }
        }
        return leaks;
    }

    private static string Mask(string text, int at, string value, IReadOnlyList<KeyValuePair<string, string>> secrets)
    {
        var start = Math.Max(0, at - 60);
        var excerpt = text.Substring(start, Math.Min(text.Length, at + value.Length + 60) - start);
        excerpt = secrets.Aggregate(excerpt, (current, secret) => current.Replace(secret.Value, $"<{secret.Key}>", StringComparison.Ordinal));
        return IssuedToken().Replace(excerpt.Replace(value, "<secret>", StringComparison.Ordinal), "<tenant token>");
    }

    [GeneratedRegex(@"\bt-[0-9a-f]{32}\b")]
    private static partial Regex IssuedToken();
}
