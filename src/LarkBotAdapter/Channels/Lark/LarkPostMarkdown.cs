using System.Text;
using System.Text.RegularExpressions;
using ChatOps.LarkBotAdapter.Replies;

namespace ChatOps.LarkBotAdapter.Channels.Lark;

// Rewrites the Markdown Lark's post md node does not render, outside code blocks:
// ATX headings → bold lines; GFM tables → fenced code blocks (columns stay aligned, nothing is lost);
// images → links; thematic breaks → Lark's  ---  rule; ~~~ fences → ```; list items
// indented by 2 or 3 spaces per level → 4 (Lark nests lists by 4 spaces).
internal static partial class LarkPostMarkdown
{
    public static string Convert(string markdown)
    {
        var lines = markdown.Split('\n');
        var listUnit = MarkdownSyntax.ListIndentUnit(lines);
        var output = new StringBuilder(markdown.Length + 64);
        CodeFence? fence = null;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (fence is not null)
            {
                var closes = fence.IsClosedBy(line);
                MarkdownSyntax.AppendLine(output, closes && fence.Marker == '~' ? "```" : line);
                fence = closes ? null : fence;
            }
            else if (CodeFence.TryParseOpener(line) is { } opener)
            {
                fence = opener;
                MarkdownSyntax.AppendLine(output, opener.Marker == '~' ? "```" + opener.Opener.TrimStart('~') : line);
            }
            else if (i + 1 < lines.Length && line.Contains('|') && MarkdownSyntax.TableDelimiterRow().IsMatch(lines[i + 1]))
            {
                MarkdownSyntax.AppendLine(output, "```");
                for (; i < lines.Length && lines[i].Contains('|') && !string.IsNullOrWhiteSpace(lines[i]); i++)
                {
                    MarkdownSyntax.AppendLine(output, lines[i].Trim());
                }

                i--;
                MarkdownSyntax.AppendLine(output, "```");
            }
            else
            {
                MarkdownSyntax.AppendLine(output, ConvertLine(line, listUnit));
            }
        }

        return output.ToString();
    }

    private static string ConvertLine(string line, int listUnit)
    {
        if (MarkdownSyntax.AtxHeading().Match(line) is { Success: true } heading)
        {
            var title = heading.Groups["title"].Value.Replace("**", string.Empty, StringComparison.Ordinal).Trim();
            return title.Length == 0 ? string.Empty : "**" + title + "**";
        }

        if (MarkdownSyntax.ThematicBreak().IsMatch(line))
        {
            return " --- ";
        }

        if (listUnit is > 0 and < 4 && MarkdownSyntax.ListItem().Match(line) is { Success: true } item)
        {
            var level = item.Groups["indent"].Length / listUnit;
            line = new string(' ', level * 4) + line.TrimStart(' ');
        }

        return line.Contains("![", StringComparison.Ordinal)
            ? Image().Replace(line, m => $"[{(m.Groups["alt"].Length > 0 ? m.Groups["alt"].Value : "image")}]({m.Groups["url"].Value})")
            : line;
    }

    [GeneratedRegex(@"!\[(?<alt>[^\]]*)\]\((?<url>[^)\s]+)(?:\s+""[^""]*"")?\)")]
    private static partial Regex Image();
}
