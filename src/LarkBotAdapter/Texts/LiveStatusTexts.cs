using System.Globalization;
using System.Text.RegularExpressions;
using ChatOps.IntentRecognition;
using ChatOps.LarkBotAdapter.State;

namespace ChatOps.LarkBotAdapter.Texts;

// The status line of a live answer, as a person would want to read it, in the turn's language.
internal static partial class LiveStatusTexts
{
    public static string Thinking(TurnLanguage language) => language.Pick("Reading your question…", "正在理解你的问题…");

    // What the route is doing, with the seconds it has taken so far (null for routes that answer at once).
    public static string? Working(TurnLanguage language, IntentResult intent, IDictionary<string, string> attributes, TimeSpan elapsed)
    {
        var seconds = ((int)elapsed.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        return intent.Intent switch
        {
            Intent.KnowledgeBase => language.Pick($"Looking in the runbooks… {seconds} s", $"正在查阅运维文档… {seconds} 秒"),
            Intent.AwsOps when Profile(intent, attributes) is { } profile =>
                language.Pick($"Asking Q CLI (profile {profile})… {seconds} s", $"正在询问 Q CLI（配置 {profile}）… {seconds} 秒"),
            Intent.AwsOps => language.Pick($"Asking Q CLI… {seconds} s", $"正在询问 Q CLI… {seconds} 秒"),
            _ => null,
        };
    }

    // The footer of a finished answer: "Done in 41 s · 3 sources".
    public static string Done(TurnLanguage language, TimeSpan elapsed, string answer)
    {
        var seconds = Math.Max(1, (int)Math.Round(elapsed.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        var sources = CountSources(answer);
        return sources switch
        {
            0 => language.Pick($"Done in {seconds} s", $"用时 {seconds} 秒"),
            1 => language.Pick($"Done in {seconds} s · 1 source", $"用时 {seconds} 秒 · 1 个来源"),
            _ => language.Pick($"Done in {seconds} s · {sources} sources", $"用时 {seconds} 秒 · {sources} 个来源"),
        };
    }

    public static string Failed(TurnLanguage language, TimeSpan elapsed)
    {
        var seconds = Math.Max(1, (int)Math.Round(elapsed.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        return language.Pick($"Stopped after {seconds} s", $"{seconds} 秒后中断");
    }

    // Entries of the answer's closing Sources list (the knowledge routes end with one).
    public static int CountSources(string answer)
    {
        var heading = Math.Max(
            answer.LastIndexOf(KnowledgeTexts.SourcesEnglish, StringComparison.Ordinal),
            answer.LastIndexOf(KnowledgeTexts.SourcesChinese, StringComparison.Ordinal));
        return heading < 0 ? 0 : ListItem().Count(answer[heading..]);
    }

    private static string? Profile(IntentResult intent, IDictionary<string, string> attributes) =>
        intent.AwsProfile is { Length: > 0 } profile ? profile
        : attributes.TryGetValue(ThreadAttributes.AwsProfile, out var remembered) && remembered.Length > 0 ? remembered
        : null;

    [GeneratedRegex(@"^\d+\. ", RegexOptions.Multiline)]
    private static partial Regex ListItem();
}
