using System.Text.RegularExpressions;

namespace ChatOps.LarkBotAdapter.Channels.Slack.Live;

// Streamed answers go to Slack as standard Markdown (markdown_text), not mrkdwn, so SlackText.Escape does not apply:
// &lt; would show as written inside code. What must never work there is Slack's own syntax for pinging and pointing:
// <!channel>, <!here>, <!everyone>, <!subteam^…>, <@U…> and <#C…>. A zero-width space after the "<" keeps the text as it
// reads and makes it no longer that syntax; everything else, code included, stays as written.
internal static partial class SlackStreamMentions
{
    public static string Neutralize(string text) =>
        string.IsNullOrEmpty(text) || !text.Contains('<', StringComparison.Ordinal) ? text : Special().Replace(text, "<\u200B");

    [GeneratedRegex("<(?=[!@#])")]
    private static partial Regex Special();
}
