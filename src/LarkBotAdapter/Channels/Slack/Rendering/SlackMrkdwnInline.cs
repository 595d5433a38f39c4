using System.Text;
using System.Text.RegularExpressions;

namespace ChatOps.LarkBotAdapter.Channels.Slack.Rendering;

// Inline Markdown → mrkdwn: **b**/__b__ → *b*, *i*/_i_ → _i_,
// ~~s~~ → ~s~, [t](url)/![alt](url)/<url> → <url|t>, code spans
// kept. Slack only formats markers that touch no letter outside them, which CJK text never gives: a zero-width space
// is put between a marker and an adjacent letter.
internal static partial class SlackMrkdwnInline
{
    private const char ZeroWidthSpace = '\u200B';
    private const char HoldOpen = '\uE000';
    private const char HoldClose = '\uE001';

    public static string Convert(string text)
    {
        if (text.Length == 0)
        {
            return text;
        }
        // Code spans, links and backslash escapes are set aside first so emphasis and escaping leave them alone.
        var held = new List<string>();
        var marked = Protected().Replace(text, m => Hold(held, Render(m)));
        var converted = Emphasis().Replace(SlackText.Escape(marked), Emphasize);
        return Held().Replace(converted, m => held[int.Parse(m.Groups["n"].ValueSpan, provider: null)]);
    }

    public static string Bold(string text) => "*" + text + "*";

    // <url|label> with the URL made safe for Slack's link syntax; label already escaped.
    public static string Link(string url, string label)
    {
        var safe = url.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "%3C", StringComparison.Ordinal)
            .Replace(">", "%3E", StringComparison.Ordinal).Replace("|", "%7C", StringComparison.Ordinal);
        return label.Length == 0 || label == SlackText.Escape(url) ? $"<{safe}>" : $"<{safe}|{label}>";
    }

    private static string Render(Match m)
    {
        if (m.Groups["code"].Success)
        {
            return "`" + SlackText.Escape(m.Groups["code"].Value.Trim()) + "`";
        }
        if (m.Groups["escaped"].Success)
        {
            return SlackText.Escape(m.Groups["escaped"].Value);
        }
        if (m.Groups["auto"].Success)
        {
            return Link(m.Groups["auto"].Value, string.Empty);
        }
        var label = m.Groups["label"].Value.Replace("**", string.Empty, StringComparison.Ordinal).Replace("`", string.Empty, StringComparison.Ordinal);
        if (label.Length == 0 && m.Value.StartsWith('!'))
        {
            label = "image";
        }
        return Link(m.Groups["url"].Value, SlackText.Escape(label.Trim()));
    }

    private static string Emphasize(Match m)
    {
        var (marker, inner) = m.Groups["bold"].Success ? ('*', m.Groups["bold"].Value)
            : m.Groups["strike"].Success ? ('~', m.Groups["strike"].Value)
            : ('_', m.Groups["italic"].Value);
        var source = m.Result("$_");
        var before = m.Index > 0 && char.IsLetterOrDigit(source[m.Index - 1]) ? ZeroWidthSpace.ToString() : string.Empty;
        var end = m.Index + m.Length;
        var after = end < source.Length && char.IsLetterOrDigit(source[end]) ? ZeroWidthSpace.ToString() : string.Empty;
        var body = Emphasis().Replace(inner, Emphasize);
        return before + marker + body + marker + after;
    }

    private static string Hold(List<string> held, string rendered)
    {
        held.Add(rendered);
        return new StringBuilder().Append(HoldOpen).Append(held.Count - 1).Append(HoldClose).ToString();
    }

    [GeneratedRegex(@"(?<!`)`(?!`)(?<code>[^`]+)`(?!`)|``(?<code>.+?)``|\\(?<escaped>[\\`*_{}\[\]()#+\-.!~|<>])|!?\[(?<label>[^\]\n]*)\]\((?<url>[^)\s]+)(?:\s+""[^""]*"")?\)|<(?<auto>(?:https?|mailto):[^\s<>]+)>")]
    private static partial Regex Protected();

    [GeneratedRegex(@"\*\*(?=\S)(?<bold>.+?)(?<=\S)\*\*|__(?=\S)(?<bold>.+?)(?<=\S)__|~~(?=\S)(?<strike>.+?)(?<=\S)~~|(?<![*\\])\*(?=[^\s*])(?<italic>[^*]+?)(?<=[^\s*])\*(?!\*)|(?<![_\w])_(?=[^\s_])(?<italic>[^_]+?)(?<=[^\s_])_(?![_\w])")]
    private static partial Regex Emphasis();

    [GeneratedRegex("\uE000(?<n>[0-9]+)\uE001")]
    private static partial Regex Held();
}
