using System.Text;

namespace ChatOps.LarkBotAdapter.Replies;

// The line walk the platform renderers share: fenced code blocks tracked (their lines left to the dialect's code
// rules), GFM tables turned into code blocks (columns stay aligned, nothing is lost), every other line written by the
// dialect.
internal static class MarkdownWalk
{
    public static string Render(string markdown, IMarkdownDialect dialect)
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
                MarkdownSyntax.AppendLine(output, closes ? dialect.FenceCloser(fence, line) ?? line : dialect.CodeLine(line));
                fence = closes ? null : fence;
            }
            else if (CodeFence.TryParseOpener(line) is { } opener)
            {
                fence = opener;
                MarkdownSyntax.AppendLine(output, dialect.FenceOpener(opener, line));
            }
            else if (i + 1 < lines.Length && line.Contains('|') && MarkdownSyntax.TableDelimiterRow().IsMatch(lines[i + 1]))
            {
                MarkdownSyntax.AppendLine(output, "```");
                for (; i < lines.Length && lines[i].Contains('|') && !string.IsNullOrWhiteSpace(lines[i]); i++)
                {
                    MarkdownSyntax.AppendLine(output, dialect.TableRow(lines[i].Trim()));
                }
                i--;
                MarkdownSyntax.AppendLine(output, "```");
            }
            else
            {
                MarkdownSyntax.AppendLine(output, dialect.Line(line, listUnit));
            }
        }
        if (fence is not null && dialect.FenceCloser(fence, null) is { } closer)
        {
            MarkdownSyntax.AppendLine(output, closer);
        }
        return output.ToString();
    }
}
