using System.Text;
using System.Text.RegularExpressions;
using ChatOps.LarkBotAdapter.Channels.Lark;
using ChatOps.LarkBotAdapter.Replies;

namespace ChatOps.LarkBotAdapter.Channels.Slack;

// Renders the Segmenter's Markdown as Slack mrkdwn message text (the text field, not blocks:
// one field of up to 40,000 characters, and a segment is at most a few thousand).
// Lines: ATX headings → bold lines; -/*/+ list items → • (◦, ▪ when nested,
// 4 spaces per level), numbered items kept; task boxes → ☐/☑; > quotes kept; rules → a line of ─;
// fenced code blocks kept verbatim with the info string dropped (Slack would show it as code); GFM tables →
// code blocks; reference definitions ([1]: url "title") → [1] <url|title>.
// Inline (see SlackMrkdwnInline): bold, italic, strikethrough, links and images as
// <url|text>, inline code kept; & < > escaped everywhere, code included, as Slack
// requires. ANSI colour codes and control characters are removed.
public static partial class SlackMrkdwn
{
    // Slack truncates message text beyond this many characters.
    public const int MaxTextChars = 40_000;

    public static string Convert(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var lines = LarkPostText.Sanitize(markdown).Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var unit = MarkdownSyntax.ListIndentUnit(lines);
        var output = new StringBuilder(markdown.Length + 64);
        CodeFence? fence = null;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (fence is not null)
            {
                var closes = fence.IsClosedBy(line);
                MarkdownSyntax.AppendLine(output, closes ? "```" : SlackText.Escape(line));
                fence = closes ? null : fence;
            }
            else if (CodeFence.TryParseOpener(line) is { } opener)
            {
                fence = opener;
                MarkdownSyntax.AppendLine(output, "```");
            }
            else if (i + 1 < lines.Length && line.Contains('|') && MarkdownSyntax.TableDelimiterRow().IsMatch(lines[i + 1]))
            {
                MarkdownSyntax.AppendLine(output, "```");
                for (; i < lines.Length && lines[i].Contains('|') && !string.IsNullOrWhiteSpace(lines[i]); i++)
                {
                    MarkdownSyntax.AppendLine(output, SlackText.Escape(lines[i].Trim()));
                }
                i--;
                MarkdownSyntax.AppendLine(output, "```");
            }
            else
            {
                MarkdownSyntax.AppendLine(output, ConvertLine(line, unit));
            }
        }
        if (fence is not null)
        {
            MarkdownSyntax.AppendLine(output, "```");
        }
        var text = output.ToString().Trim('\n');
        return text.Length <= MaxTextChars ? text : text[..(MaxTextChars - 1)] + "…";
    }

    private static string ConvertLine(string line, int unit)
    {
        if (MarkdownSyntax.AtxHeading().Match(line) is { Success: true } heading)
        {
            var title = heading.Groups["title"].Value.Replace("**", string.Empty, StringComparison.Ordinal).Trim();
            return title.Length == 0 ? string.Empty : SlackMrkdwnInline.Bold(SlackMrkdwnInline.Convert(title));
        }
        if (MarkdownSyntax.ThematicBreak().IsMatch(line))
        {
            return new string('─', 12);
        }
        if (Quote().Match(line) is { Success: true } quote)
        {
            return "> " + ConvertLine(quote.Groups["rest"].Value, unit);
        }
        if (ReferenceDefinition().Match(line) is { Success: true } reference)
        {
            var url = reference.Groups["url"].Value;
            var title = reference.Groups["title"].Success ? reference.Groups["title"].Value : url;
            return $"[{SlackText.Escape(reference.Groups["label"].Value)}] {SlackMrkdwnInline.Link(url, SlackText.Escape(title))}";
        }
        if (MarkdownSyntax.ListItem().Match(line) is { Success: true } item)
        {
            var level = unit == 0 ? 0 : Math.Min(item.Groups["indent"].Length / unit, 6);
            var marker = item.Groups["marker"].Value;
            var bullet = char.IsDigit(marker[0]) ? marker[..^1] + "." : (level switch { 0 => "•", 1 => "◦", _ => "▪" });
            var rest = item.Groups["rest"].Value;
            if (TaskBox().Match(rest) is { Success: true } box)
            {
                rest = (box.Groups["done"].Value == " " ? "☐ " : "☑ ") + rest[box.Length..];
            }
            return new string(' ', level * 4) + bullet + " " + SlackMrkdwnInline.Convert(rest);
        }
        return SlackMrkdwnInline.Convert(line);
    }

    [GeneratedRegex(@"^ {0,3}>[ ]?(?<rest>.*)$")]
    private static partial Regex Quote();

    [GeneratedRegex(@"^ {0,3}\[(?<label>[^\]]{1,40})\]:[ \t]+<?(?<url>[a-zA-Z][a-zA-Z0-9+.-]*:[^\s>]+)>?(?:[ \t]+[""'(](?<title>[^""')]*)[""')])?[ \t]*$")]
    private static partial Regex ReferenceDefinition();

    [GeneratedRegex(@"^\[(?<done>[ xX])\][ \t]")]
    private static partial Regex TaskBox();
}
