using System.Text;
using System.Text.RegularExpressions;

namespace ChatOps.LarkBotAdapter.Channels.Slack.Rendering;

// Slack's message formatting as the bot reads and writes it: <…> entities (mentions, channels,
// links) and the three escapes &amp; &lt; &gt;.
public static partial class SlackText
{
    // Plain text of a Slack message: the bot's own @mention removed, other mentions as @name (or
    // @U…), channels as #name, links as label (url), escapes decoded.
    public static string ToPlainText(string text, string? botUserId)
    {
        ArgumentNullException.ThrowIfNull(text);
        var plain = Entity().Replace(text, m => Decode(m.Groups["body"].Value, botUserId));
        return Tidy(Unescape(plain));
    }

    // User ids of every <@U…> mention, in order, without repeats.
    public static IReadOnlyList<string> MentionedUserIds(string text) =>
        Entity().Matches(text)
            .Select(m => m.Groups["body"].Value)
            .Where(b => b.StartsWith('@'))
            .Select(b => b[1..].Split('|')[0])
            .Where(id => id.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .ToArray();

    // Escapes the three characters Slack reserves for its formatting.
    public static string Escape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal);

    public static string Unescape(string text) =>
        text.Replace("&lt;", "<", StringComparison.Ordinal)
            .Replace("&gt;", ">", StringComparison.Ordinal)
            .Replace("&amp;", "&", StringComparison.Ordinal);

    private static string Decode(string body, string? botUserId)
    {
        var bar = body.IndexOf('|', StringComparison.Ordinal);
        var target = bar < 0 ? body : body[..bar];
        var label = bar < 0 ? null : body[(bar + 1)..];
        switch (target.FirstOrDefault())
        {
            case '@':
                // The bot's own mention only addresses the question; the rest of the text is the question.
                return target[1..] == botUserId ? string.Empty : "@" + (label ?? target[1..]);
            case '#':
                return "#" + (label ?? target[1..]);
            case '!':
                return label ?? "@" + target[1..].Split('^')[0];
        }
        if (label is null || label == target || "mailto:" + label == target)
        {
            return label ?? target;
        }
        return $"{label} ({target})";
    }

    // Collapses the spaces a removed mention leaves behind (outside line starts, so indentation stays).
    internal static string Tidy(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var line in text.Split('\n'))
        {
            builder.Append(DoubleSpace().Replace(line.TrimEnd(), " ")).Append('\n');
        }
        return builder.ToString().Trim();
    }

    [GeneratedRegex(@"<(?<body>[^<>\n]+)>")]
    private static partial Regex Entity();

    [GeneratedRegex(@"(?<=\S) {2,}")]
    private static partial Regex DoubleSpace();
}
