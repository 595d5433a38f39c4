using System.Text;
using System.Text.RegularExpressions;

namespace ChatOps.LarkBotAdapter.Replies;

// Markdown line syntax shared by the platform renderers (Lark post md, Slack mrkdwn).
internal static partial class MarkdownSyntax
{
    // The smallest indentation of a nested list item outside code: LLMs nest by 2, 3 or 4 spaces.
    public static int ListIndentUnit(string[] lines)
    {
        var unit = 0;
        CodeFence? fence = null;
        foreach (var line in lines)
        {
            if (fence is not null)
            {
                fence = fence.IsClosedBy(line) ? null : fence;
            }
            else if ((fence = CodeFence.TryParseOpener(line)) is null && ListItem().Match(line) is { Success: true } item)
            {
                var indent = item.Groups["indent"].Length;
                unit = indent > 0 && (unit == 0 || indent < unit) ? indent : unit;
            }
        }
        return unit;
    }

    // The title of an ATX heading line with its bold markers removed (empty for a bare #), or null for any other line.
    public static string? HeadingTitle(string line) =>
        AtxHeading().Match(line) is { Success: true } heading
            ? heading.Groups["title"].Value.Replace("**", string.Empty, StringComparison.Ordinal).Trim()
            : null;

    // Appends a line, separating it from what is already there by one line break.
    public static void AppendLine(StringBuilder output, string line)
    {
        if (output.Length > 0)
        {
            output.Append('\n');
        }
        output.Append(line);
    }

    [GeneratedRegex(@"^ {0,3}#{1,6}(?:[ \t]+(?<title>.*?))?(?:[ \t]+#+)?[ \t]*$")]
    public static partial Regex AtxHeading();

    [GeneratedRegex(@"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")]
    public static partial Regex ThematicBreak();

    [GeneratedRegex(@"^(?=.*\|)\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$")]
    public static partial Regex TableDelimiterRow();

    [GeneratedRegex(@"^(?<indent> *)(?<marker>[-*+]|\d{1,9}[.)])[ \t]+(?<rest>.*)$")]
    public static partial Regex ListItem();
}
