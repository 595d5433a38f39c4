using System.Text.RegularExpressions;
using ChatOps.LarkBotAdapter.Replies;

namespace ChatOps.LarkBotAdapter.Channels.Lark.Rendering;

// Rewrites the Markdown Lark's post md node does not render, outside code blocks:
// ATX headings → bold lines; GFM tables → fenced code blocks (columns stay aligned, nothing is lost);
// images → links; thematic breaks → Lark's  ---  rule; ~~~ fences → ```; list items
// indented by 2 or 3 spaces per level → 4 (Lark nests lists by 4 spaces).
internal sealed partial class LarkPostMarkdown : IMarkdownDialect
{
    private static readonly LarkPostMarkdown Dialect = new();

    private LarkPostMarkdown()
    {
    }

    public static string Convert(string markdown) => MarkdownWalk.Render(markdown, Dialect);

    public string FenceOpener(CodeFence opener, string line) => opener.Marker == '~' ? "```" + opener.Opener.TrimStart('~') : line;

    public string CodeLine(string line) => line;

    // A fence the text left open stays so.
    public string? FenceCloser(CodeFence fence, string? line) => line is null ? null : fence.Marker == '~' ? "```" : line;

    public string TableRow(string row) => row;

    public string Line(string line, int listUnit)
    {
        if (MarkdownSyntax.HeadingTitle(line) is { } title)
        {
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
