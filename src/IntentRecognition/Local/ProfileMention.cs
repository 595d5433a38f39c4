namespace ChatOps.IntentRecognition.Local;

/// <summary>Finds which configured AWS profile a message names as a whole word ("in prod", "the logs account").</summary>
internal static class ProfileMention
{
    private static readonly string[] MarkersBefore = ["in", "on", "for", "from", "at", "of"];
    private static readonly string[] MarkersAfter = ["account", "accounts", "profile", "env", "environment", "账号", "账户", "环境"];

    /// <summary>The named profile in its configured spelling, or null. Several named: one next to a marker such as
    /// "in … " or "… account" wins, else the first in the text.</summary>
    public static string? Find(string text, IReadOnlyList<string> profiles)
    {
        string? first = null;
        var firstAt = int.MaxValue;
        foreach (var profile in profiles)
        {
            for (var at = text.IndexOf(profile, StringComparison.OrdinalIgnoreCase); at >= 0;
                 at = text.IndexOf(profile, at + 1, StringComparison.OrdinalIgnoreCase))
            {
                if (!IsWholeWord(text, at, profile.Length))
                {
                    continue;
                }

                if (HasMarker(text, at, profile.Length))
                {
                    return profile;
                }

                if (at < firstAt)
                {
                    (first, firstAt) = (profile, at);
                }
            }
        }

        return first;
    }

    // '-' and '_' count as word characters so "non-prod" or "prod_db" do not name "prod"; CJK text is a boundary.
    private static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_';

    private static bool IsWholeWord(string text, int at, int length) =>
        (at == 0 || !IsWordChar(text[at - 1])) && (at + length == text.Length || !IsWordChar(text[at + length]));

    private static bool HasMarker(string text, int at, int length)
    {
        var before = text[..at].TrimEnd();
        var wordStart = before.Length;
        while (wordStart > 0 && char.IsAsciiLetter(before[wordStart - 1]))
        {
            wordStart--;
        }

        var previous = before[wordStart..];
        var after = text[(at + length)..].TrimStart();
        return MarkersBefore.Any(m => previous.Equals(m, StringComparison.OrdinalIgnoreCase))
               || MarkersAfter.Any(m => after.StartsWith(m, StringComparison.OrdinalIgnoreCase)
                                        && (after.Length == m.Length || !IsWordChar(after[m.Length]) || m[0] > 'z'));
    }
}
