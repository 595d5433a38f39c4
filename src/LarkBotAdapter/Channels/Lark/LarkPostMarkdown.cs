using System.Text;
using System.Text.RegularExpressions;
using ChatOps.LarkBotAdapter.Replies;

namespace ChatOps.LarkBotAdapter.Channels.Lark;

/// <summary>
/// Rewrites the Markdown Lark's post <c>md</c> node does not render, outside code blocks:
/// ATX headings → bold lines; GFM tables → fenced code blocks (columns stay aligned, nothing is lost);
/// images → links; thematic breaks → Lark's <c> --- </c> rule; <c>~~~</c> fences → <c>```</c>; list items
/// indented by 2 or 3 spaces per level → 4 (Lark nests lists by 4 spaces).
/// </summary>
internal static partial class LarkPostMarkdown
{
    public static string Convert(string markdown)
    {
        var lines = markdown.Split('\n');
        var listUnit = ListIndentUnit(lines);
        var output = new StringBuilder(markdown.Length + 64);
        CodeFence? fence = null;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (fence is not null)
            {
                var closes = fence.IsClosedBy(line);
                AppendLine(output, closes && fence.Marker == '~' ? "```" : line);
                fence = closes ? null : fence;
            }
            else if (CodeFence.TryParseOpener(line) is { } opener)
            {
                fence = opener;
                AppendLine(output, opener.Marker == '~' ? "```" + opener.Opener.TrimStart('~') : line);
            }
            else if (i + 1 < lines.Length && line.Contains('|') && TableDelimiterRow().IsMatch(lines[i + 1]))
            {
                AppendLine(output, "```");
                for (; i < lines.Length && lines[i].Contains('|') && !string.IsNullOrWhiteSpace(lines[i]); i++)
                {
                    AppendLine(output, lines[i].Trim());
                }

                i--;
                AppendLine(output, "```");
            }
            else
            {
                AppendLine(output, ConvertLine(line, listUnit));
            }
        }

        return output.ToString();
    }

    private static string ConvertLine(string line, int listUnit)
    {
        if (AtxHeading().Match(line) is { Success: true } heading)
        {
            var title = heading.Groups["title"].Value.Replace("**", string.Empty, StringComparison.Ordinal).Trim();
            return title.Length == 0 ? string.Empty : "**" + title + "**";
        }

        if (ThematicBreak().IsMatch(line))
        {
            return " --- ";
        }

        if (listUnit is > 0 and < 4 && ListItem().Match(line) is { Success: true } item)
        {
            var level = item.Groups["indent"].Length / listUnit;
            line = new string(' ', level * 4) + line.TrimStart(' ');
        }

        return line.Contains("![", StringComparison.Ordinal)
            ? Image().Replace(line, m => $"[{(m.Groups["alt"].Length > 0 ? m.Groups["alt"].Value : "image")}]({m.Groups["url"].Value})")
            : line;
    }

    // The smallest indentation of a nested list item outside code: LLMs often nest by 2 or 3 spaces.
    private static int ListIndentUnit(string[] lines)
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

    private static void AppendLine(StringBuilder output, string line)
    {
        if (output.Length > 0)
        {
            output.Append('\n');
        }

        output.Append(line);
    }

    [GeneratedRegex(@"^ {0,3}#{1,6}(?:[ \t]+(?<title>.*?))?(?:[ \t]+#+)?[ \t]*$")]
    private static partial Regex AtxHeading();

    [GeneratedRegex(@"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")]
    private static partial Regex ThematicBreak();

    [GeneratedRegex(@"^(?=.*\|)\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$")]
    private static partial Regex TableDelimiterRow();

    [GeneratedRegex(@"^(?<indent> *)(?:[-*+]|\d{1,9}[.)])[ \t]")]
    private static partial Regex ListItem();

    [GeneratedRegex(@"!\[(?<alt>[^\]]*)\]\((?<url>[^)\s]+)(?:\s+""[^""]*"")?\)")]
    private static partial Regex Image();
}
