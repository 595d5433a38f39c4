using System.Text.RegularExpressions;

namespace ChatOps.LarkBotAdapter.Channels.Lark.Inbound;

// Keeps text the bot did not write (model answers, proposal values, results) from mentioning anyone on Lark: post md
// nodes, card markdown and text messages all turn <at user_id="all"></at>, <at id=all></at> and <at user_id="ou_…"> into
// mentions (@all pings the whole chat). A zero-width space after the "<" leaves the text as it reads but no longer a
// tag, on every Lark surface alike (an entity such as &lt; is decoded by card markdown but shown raw by text messages),
// and code blocks and links keep every other character as written. The bot's own mentions are written after this.
public static partial class LarkMentions
{
    private const string Breaker = "<\u200B";

    public static string Neutralize(string text) =>
        string.IsNullOrEmpty(text) || !text.Contains('<', StringComparison.Ordinal) ? text : AtTag().Replace(text, Breaker);

    // "<" opening or closing an at tag, however spaced or cased: <at …>, </at>, < AT>, </ at >.
    [GeneratedRegex(@"<(?=\s{0,8}/?\s{0,8}at(?![a-z0-9_-]))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AtTag();
}
