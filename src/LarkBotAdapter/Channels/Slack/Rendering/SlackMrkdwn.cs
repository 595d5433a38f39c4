using System.Text.RegularExpressions;
using ChatOps.LarkBotAdapter.Channels.Lark;
using ChatOps.LarkBotAdapter.Channels.Lark.Rendering;
using ChatOps.LarkBotAdapter.Replies;

namespace ChatOps.LarkBotAdapter.Channels.Slack.Rendering;

// Renders the Segmenter's Markdown as Slack mrkdwn message text (the text field, not blocks:
// one field of up to 40,000 characters, and a segment is at most a few thousand).
// Lines: ATX headings → bold lines; -/*/+ list items → • (◦, ▪ when nested,
// 4 spaces per level), numbered items kept; task boxes → ☐/☑; > quotes kept; rules → a line of ─;
// fenced code blocks kept verbatim with the info string dropped (Slack would show it as code); GFM tables →
// code blocks; reference definitions ([1]: url "title") → [1] <url|title>.
// Inline (see SlackMrkdwnInline): bold, italic, strikethrough, links and images as
// <url|text>, inline code kept; & < > escaped everywhere, code included, as Slack
// requires. ANSI colour codes and control characters are removed.
public sealed partial class SlackMrkdwn : IMarkdownDialect
{
    // Slack truncates message text beyond this many characters.
    public const int MaxTextChars = 40_000;

    private static readonly SlackMrkdwn Dialect = new();

    private SlackMrkdwn()
    {
    }

    public static string Convert(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var text = MarkdownWalk.Render(LarkPostText.Sanitize(markdown).Replace("\r\n", "\n", StringComparison.Ordinal), Dialect).Trim('\n');
        return text.Length <= MaxTextChars ? text : text[..(MaxTextChars - 1)] + "…";
    }

    // The info string is dropped (Slack would show it as code); a fence left open is closed.
    string IMarkdownDialect.FenceOpener(CodeFence opener, string line) => "```";

    string IMarkdownDialect.CodeLine(string line) => SlackText.Escape(line);

    string? IMarkdownDialect.FenceCloser(CodeFence fence, string? line) => "```";

    string IMarkdownDialect.TableRow(string row) => SlackText.Escape(row);

    string IMarkdownDialect.Line(string line, int listUnit) => ConvertLine(line, listUnit);

    private static string ConvertLine(string line, int unit)
    {
        if (MarkdownSyntax.HeadingTitle(line) is { } heading)
        {
            return heading.Length == 0 ? string.Empty : SlackMrkdwnInline.Bold(SlackMrkdwnInline.Convert(heading));
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
